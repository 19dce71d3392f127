import BosunCore
import BosunModel

/// A multi-replica workload does not spread its pods.
struct AntiAffinityRule: Rule {
  static let description = RuleDescription(
    id: "replicas-not-spread",
    summary: "a multi-replica workload has no pod anti-affinity or topology spread",
    rationale: """
      Nothing stops the scheduler from placing every replica on one node or in one zone; then a \
      single node failure takes all of them down at once and the extra replicas bought nothing.
      """,
    remediation: """
      add topologySpreadConstraints over kubernetes.io/hostname (and a zone key), or a \
      podAntiAffinity term on the workload's own labels
      """,
    category: .availability, severity: .warning,
    kinds: ["Deployment", "StatefulSet", "ReplicaSet"],
    examples: [
      .passing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web}}
            spec:
              topologySpreadConstraints:
                - maxSkew: 1
                  topologyKey: kubernetes.io/hostname
                  whenUnsatisfiable: ScheduleAnyway
                  labelSelector: {matchLabels: {app: web}}
              containers: [{name: web, image: "nginx:1.27"}]
        """),
      .failing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web}}
            spec:
              affinity:
                nodeAffinity: {}
              containers: [{name: web, image: "nginx:1.27"}]
        """, at: "/spec/template/spec/affinity"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let replicas = Workloads.replicas(of: object),
      replicas >= 2 || Workloads.isAutoscaled(object, in: context),
      let (spec, pointer) = PodSpecs.podSpec(of: object)
    else { return [] }
    let spreads = spec["topologySpreadConstraints"]?.items?.isEmpty == false
    let antiAffinity = spec["affinity"]?["podAntiAffinity"]
    guard !spreads, antiAffinity == nil || antiAffinity?.isNull == true else { return [] }
    return [
      Finding(
        at: spec["affinity"] == nil ? pointer : pointer.appending("affinity"),
        "\(replicas >= 2 ? "\(replicas)" : "autoscaled") replicas may all land on one node; add topologySpreadConstraints or podAntiAffinity"
      )
    ]
  }
}
