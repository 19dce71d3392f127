import BosunCore
import BosunModel

/// A role can read Secrets or run commands in pods.
struct SensitiveResourceAccessRule: Rule {
  static let description = RuleDescription(
    id: "rbac-sensitive-access",
    summary: "a role can read Secrets, or exec and attach into pods",
    rationale: """
      Reading Secrets yields every credential in their scope, service account tokens included. \
      pods/exec and pods/attach run commands inside containers, with their identity and data.
      """,
    remediation:
      "grant get on named Secrets with resourceNames, and keep exec and attach to people, not workloads",
    category: .rbac, severity: .warning, kinds: PolicyRule.kinds,
    examples: [
      .passing(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: app, namespace: app}
        rules:
          - apiGroups: [""]
            resources: [secrets]
            resourceNames: [app-config]
            verbs: [get]
          - apiGroups: [""]
            resources: [pods, pods/log]
            verbs: [get, list]
        """),
      .failing(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: debugger}
        rules:
          - apiGroups: [""]
            resources: [secrets, configmaps]
            verbs: [list]
          - apiGroups: [""]
            resources: [pods/exec, pods/attach]
            verbs: [create]
        """, at: "/rules/0/resources/0", "/rules/1/resources/0", "/rules/1/resources/1"),
    ])

  static let readVerbs: Set<String> = ["get", "list", "watch", "*"]
  static let execVerbs: Set<String> = ["create", "get", "*"]

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for rule in PolicyRule.of(object) where rule.coversCoreGroup {
      let verbs = rule.values("verbs")
      let named = rule.rule.node["resourceNames"]?.items?.isEmpty == false
      for item in rule.items("resources") {
        switch item.node.text {
        case "secrets" where !named && !verbs.isDisjoint(with: Self.readVerbs):
          findings.append(
            Finding(
              at: item.pointer,
              "rule can read every Secret in its scope; limit it with resourceNames or drop it"))
        case let resource? where resource == "pods/exec" || resource == "pods/attach":
          guard !verbs.isDisjoint(with: Self.execVerbs) else { continue }
          findings.append(
            Finding(
              at: item.pointer,
              "rule grants \(resource), which runs commands inside containers; remove it"))
        default: continue
        }
      }
    }
    return findings
  }
}
