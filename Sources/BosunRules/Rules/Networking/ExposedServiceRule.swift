import BosunCore
import BosunModel

/// A Service is reachable from outside the cluster.
struct ExposedServiceRule: Rule {
  static let description = RuleDescription(
    id: "service-exposed",
    summary: "a Service is of type NodePort or LoadBalancer",
    rationale: """
      NodePort opens the port on every node's address and LoadBalancer usually on a public \
      address, both bypassing the Ingress or gateway where TLS, authentication and rate limits \
      live.
      """,
    remediation: "use type ClusterIP and expose the Service through an Ingress or Gateway",
    category: .networking, severity: .warning, optIn: true, kinds: ["Service"],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        """),
      .failing(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: LoadBalancer
          selector: {app: web}
          ports: [{port: 80}]
        """, at: "/spec/type"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let type = object.node["spec"]?["type"]?.text,
      type == "NodePort" || type == "LoadBalancer"
    else { return [] }
    return [
      Finding(
        at: "/spec/type",
        "service type \(type) exposes it outside the cluster; use ClusterIP behind an Ingress or Gateway"
      )
    ]
  }
}
