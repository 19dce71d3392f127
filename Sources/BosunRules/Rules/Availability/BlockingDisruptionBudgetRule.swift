import BosunCore
import BosunModel

/// A PodDisruptionBudget allows no voluntary disruption at all.
struct BlockingDisruptionBudgetRule: Rule {
  static let description = RuleDescription(
    id: "pdb-blocks-disruptions",
    summary: "PodDisruptionBudgets allow at least one voluntary disruption",
    rationale: """
      With maxUnavailable 0, minAvailable 100%, or minAvailable equal to the replicas of the \
      workloads it selects, the budget never permits an eviction: node drains, cluster upgrades \
      and autoscaler scale-downs hang until someone deletes the budget.
      """,
    remediation: "allow at least one disruption: maxUnavailable: 1, or minAvailable below the replicas",
    category: .availability, severity: .warning, kinds: ["PodDisruptionBudget"],
    examples: [
      .passing(
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          minAvailable: 2
          selector: {matchLabels: {app: web}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web}}
        """),
      .failing(
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          maxUnavailable: 0
          selector: {matchLabels: {app: web}}
        """, at: "/spec/maxUnavailable"),
      .failing(
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          minAvailable: 3
          selector: {matchLabels: {app: web}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web, tier: front}}
        """, at: "/spec/minAvailable"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let spec = object.node["spec"] else { return [] }
    if let max = PercentOrCount(spec["maxUnavailable"]), max.isZero {
      return [
        Finding(
          at: "/spec/maxUnavailable",
          "maxUnavailable is zero, so no pod can ever be evicted; allow at least one")
      ]
    }
    switch PercentOrCount(spec["minAvailable"]) {
    case .percent(let p)? where p >= 100:
      return [
        Finding(
          at: "/spec/minAvailable",
          "minAvailable \(p)% keeps every pod, so none can ever be evicted; lower it")
      ]
    case .count(let count)?:
      let selected = PodSpecs.bearingKinds.flatMap {
        context.resources(kind: $0, namespace: object.identity.namespace)
      }.filter {
        Workloads.replicas(of: $0) != nil
          && Workloads.selector(spec["selector"], matches: Workloads.podLabels(of: $0))
      }
      let total = selected.compactMap { Workloads.replicas(of: $0) }.reduce(0, +)
      guard !selected.isEmpty, count >= total else { return [] }
      return [
        Finding(
          at: "/spec/minAvailable",
          "minAvailable \(count) is not below the \(total) replicas it selects, so none can ever be evicted; lower it"
        )
      ]
    default:
      return []
    }
  }
}
