import BosunCore
import BosunModel

/// A role grants verbs that bypass RBAC itself.
struct PrivilegeVerbsRule: Rule {
  static let description = RuleDescription(
    id: "rbac-escalation-verbs",
    summary: "a role grants escalate, bind or impersonate",
    rationale: """
      escalate lets a subject write roles with permissions it does not hold, bind lets it bind \
      such roles, and impersonate lets it act as any user, group or service account. Each is a \
      path to cluster-admin.
      """,
    remediation: "remove the verb; grant the specific permissions instead",
    category: .rbac, severity: .warning, kinds: PolicyRule.kinds,
    examples: [
      .passing(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: viewer}
        rules:
          - apiGroups: [rbac.authorization.k8s.io]
            resources: [roles]
            verbs: [get, list]
        """),
      .failing(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: manager}
        rules:
          - apiGroups: [rbac.authorization.k8s.io]
            resources: [clusterroles]
            verbs: [get, escalate, bind]
          - apiGroups: [""]
            resources: [users, serviceaccounts]
            verbs: [impersonate]
        """, at: "/rules/0/verbs/1", "/rules/0/verbs/2", "/rules/1/verbs/0"),
    ])

  static let verbs: Set<String> = ["escalate", "bind", "impersonate"]

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for rule in PolicyRule.of(object) {
      for item in rule.items("verbs") {
        guard let verb = item.node.text, Self.verbs.contains(verb) else { continue }
        findings.append(
          Finding(at: item.pointer, "rule grants \(verb), which can bypass RBAC; remove it"))
      }
    }
    return findings
  }
}
