import BosunCore
import BosunModel

/// A workload scaled by an HPA leaves `spec.replicas` unset.
struct HorizontalPodAutoscalerReplicasRule: Rule {
  static let description = RuleDescription(
    id: "hpa-fixed-replicas",
    summary: "a workload scaled by a HorizontalPodAutoscaler also sets spec.replicas",
    rationale: """
      Every apply resets spec.replicas to the manifest's number, undoing the autoscaler: a \
      deployment under load drops back to the fixed count, then the autoscaler scales up again, \
      and pods churn on every release.
      """,
    remediation: "remove spec.replicas from the manifest and let the autoscaler own it",
    category: .references, severity: .warning,
    kinds: ["Deployment", "StatefulSet", "ReplicaSet"],
    examples: [
      .passing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """),
      .failing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 5
        """, at: [.init(kind: "Deployment", name: "web", pointer: "/spec/replicas")]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard object.node.node(at: "/spec/replicas") != nil else { return [] }
    guard let autoscaler = context.autoscaler(of: object) else { return [] }
    return [
      Finding(
        at: "/spec/replicas",
        "HorizontalPodAutoscaler \(autoscaler.identity.displayName) scales this \(object.identity.kind); remove spec.replicas so each apply does not reset it"
      )
    ]
  }
}
