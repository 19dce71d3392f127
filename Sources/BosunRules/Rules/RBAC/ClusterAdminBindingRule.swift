import BosunCore
import BosunModel

/// A binding grants the cluster-admin ClusterRole.
struct ClusterAdminBindingRule: Rule {
  static let description = RuleDescription(
    id: "cluster-admin-binding",
    summary: "a binding grants the cluster-admin ClusterRole",
    rationale: """
      cluster-admin allows every action on every resource. A ClusterRoleBinding to it gives \
      its subjects the whole cluster; a RoleBinding gives them full control of the namespace, \
      including its Secrets and RBAC.
      """,
    remediation: "bind a role that grants only what the subjects need",
    category: .rbac, severity: .warning, kinds: ["RoleBinding", "ClusterRoleBinding"],
    examples: [
      .passing(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: view, namespace: app}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: app, namespace: app}]
        """),
      .failing(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ci}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: ServiceAccount, name: ci, namespace: ci}]
        """, at: "/roleRef/name"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let roleRef = object.node["roleRef"], roleRef["kind"]?.text == "ClusterRole",
      roleRef["name"]?.text == "cluster-admin"
    else { return [] }
    let scope = object.identity.kind == "ClusterRoleBinding" ? "the whole cluster" : "the namespace"
    return [
      Finding(
        at: "/roleRef/name",
        "binding grants cluster-admin over \(scope); bind a narrower role")
    ]
  }
}
