import BosunCore
import BosunModel

/// A replicated workload runs fewer replicas than the configured minimum.
struct MinimumReplicasRule: Rule {
  static let description = RuleDescription(
    id: "replicas-minimum",
    summary: "a replicated workload runs fewer replicas than the minimum",
    rationale: """
      With one replica every node drain, eviction or crash is an outage. Workloads scaled by a \
      HorizontalPodAutoscaler in the input are skipped: the autoscaler owns their replica count.
      """,
    remediation: "raise spec.replicas (it defaults to 1), or scale the workload with an autoscaler",
    category: .availability, severity: .warning, optIn: true, kinds: Workloads.replicatedKinds,
    options: [
      RuleOption("minimum", .int, default: .int(2), help: "the smallest acceptable replica count")
    ],
    examples: [
      .passing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
        """),
      .failing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
        """, at: "/spec/replicas"),
      .failing(
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
        """, at: "/spec"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let minimum = Int64(context.options.int("minimum", default: 2))
    guard let replicas = Workloads.replicas(of: object), replicas < minimum,
      !Workloads.isAutoscaled(object, in: context)
    else { return [] }
    let explicit = object.node["spec"]?["replicas"] != nil
    return [
      Finding(
        at: explicit ? "/spec/replicas" : "/spec",
        "\(object.identity.kind.lowercased()) runs \(replicas) replica\(replicas == 1 ? "" : "s")\(explicit ? "" : " (the default)"); run at least \(minimum)"
      )
    ]
  }
}
