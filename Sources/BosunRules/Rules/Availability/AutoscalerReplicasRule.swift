import BosunCore
import BosunModel

/// A HorizontalPodAutoscaler may scale down to one replica, or its bounds are inverted.
struct AutoscalerReplicasRule: Rule {
  static let description = RuleDescription(
    id: "hpa-replicas",
    summary: "an autoscaler may scale to one replica, or its minReplicas exceeds maxReplicas",
    rationale: """
      minReplicas defaults to 1, so a quiet period scales the workload to a single pod and the \
      next disruption is an outage. minReplicas above maxReplicas is rejected by the API server.
      """,
    remediation: "set minReplicas to at least 2 and no more than maxReplicas",
    category: .availability, severity: .warning, kinds: ["HorizontalPodAutoscaler"],
    options: [
      RuleOption("minimum", .int, default: .int(2), help: "the smallest acceptable minReplicas")
    ],
    examples: [
      .passing(
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 10
        """),
      .failing(
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 10
        """, at: "/spec"),
      .failing(
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 5
          maxReplicas: 3
        """, at: "/spec/minReplicas"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let spec = object.node["spec"] else { return [] }
    let minimum = Int64(context.options.int("minimum", default: 2))
    let minReplicas = spec["minReplicas"]?.intValue ?? 1
    if let max = spec["maxReplicas"]?.intValue, minReplicas > max {
      return [
        Finding(
          at: "/spec/minReplicas",
          "minReplicas \(minReplicas) is above maxReplicas \(max); lower it", severity: .error)
      ]
    }
    guard minReplicas < minimum else { return [] }
    let explicit = spec["minReplicas"] != nil
    return [
      Finding(
        at: explicit ? "/spec/minReplicas" : "/spec",
        "autoscaler may scale down to \(minReplicas) replica\(minReplicas == 1 ? "" : "s")\(explicit ? "" : " (minReplicas defaults to 1)"); set minReplicas to at least \(minimum)"
      )
    ]
  }
}
