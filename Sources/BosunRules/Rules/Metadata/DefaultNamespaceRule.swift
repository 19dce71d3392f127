import BosunCore
import BosunModel

/// Objects do not land in the `default` namespace.
struct DefaultNamespaceRule: Rule {
  static let description = RuleDescription(
    id: "default-namespace",
    summary: "a namespaced object is in the default namespace, by name or by omission",
    rationale: """
      The `default` namespace is shared by everything nobody placed elsewhere, so quotas, \
      network policies and RBAC rarely fit it. An object without `metadata.namespace` lands \
      wherever the applying user's context points, which is often `default`.
      """,
    remediation: "set metadata.namespace to the application's own namespace",
    category: .metadata, severity: .warning, optIn: true,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          ports:
            - port: 80
        """),
      .passing(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        rules: []
        """),
      .failing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: default
        spec:
          ports:
            - port: 80
        """, at: "/metadata/namespace"),
      .failing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - port: 80
        """, at: "/metadata/namespace"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard object.identity.namespace == "default" else { return [] }
    let explicit = object.node["metadata"]?["namespace"] != nil
    return [
      Finding(
        at: "/metadata/namespace",
        explicit
          ? "\(object.identity.kind) \(object.identity.displayName) is in the default namespace; give it its own"
          : "\(object.identity.kind) \(object.identity.displayName) names no namespace, so it lands in default; set metadata.namespace"
      )
    ]
  }
}
