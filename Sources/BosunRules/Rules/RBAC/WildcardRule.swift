import BosunCore
import BosunModel

/// A role grants `*` verbs, resources or API groups.
struct WildcardRule: Rule {
  static let description = RuleDescription(
    id: "rbac-wildcard",
    summary: "a role grants * verbs, resources or API groups",
    rationale: """
      A wildcard grants everything that exists now and everything added later, including new \
      subresources and custom resources, so the role quietly grows beyond what was reviewed.
      """,
    remediation: "list the verbs, resources and API groups the subject actually needs",
    category: .rbac, severity: .warning, kinds: PolicyRule.kinds,
    examples: [
      .passing(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: reader, namespace: app}
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [get, list, watch]
        """),
      .failing(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: operator}
        rules:
          - apiGroups: ["apps"]
            resources: ["*"]
            verbs: [get, "*"]
        """, at: "/rules/0/resources/0", "/rules/0/verbs/1"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for rule in PolicyRule.of(object) {
      for field in ["apiGroups", "resources", "verbs"] {
        for item in rule.items(field) where item.node.text == "*" {
          findings.append(
            Finding(at: item.pointer, "rule grants * in \(field); list the \(field) needed instead")
          )
        }
      }
    }
    return findings
  }
}
