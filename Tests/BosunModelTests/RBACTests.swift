import BosunCore
import Testing

@testable import BosunModel

/// Role, ClusterRole, RoleBinding and ClusterRoleBinding views.
@Suite("RBAC")
struct RBACTests {
  @Test("roles read their rules with pointers")
  func roles() {
    let (role, issues) = Role.decode(
      yaml(
        """
        rules:
        - apiGroups: [""]
          resources: [pods, pods/log]
          verbs: [get, list]
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
        """), isClusterRole: true)
    #expect(issues.isEmpty)
    #expect(role.isClusterRole)
    #expect(role.rules[0].apiGroups == [""])
    #expect(role.rules[1].verbs == ["*"])
    #expect(role.rules[1].pointer == "/rules/1")
  }

  @Test("bindings read subjects and roleRef")
  func bindings() {
    let binding = RoleBinding.decode(
      yaml(
        """
        subjects:
        - {kind: ServiceAccount, name: web, namespace: prod}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        """), isClusterRoleBinding: false
    ).0
    #expect(binding.subjects.first?.kind == "ServiceAccount")
    #expect(binding.subjects.first?.namespace == "prod")
    #expect(binding.roleRef.kind == "ClusterRole")
    #expect(binding.roleRef.pointer == "/roleRef")
  }
}
