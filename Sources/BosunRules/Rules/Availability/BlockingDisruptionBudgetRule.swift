import BosunCore
import BosunModel

/// A PodDisruptionBudget allows no voluntary disruption at all.
struct BlockingDisruptionBudgetRule: Rule {
  static let description = RuleDescription(
    id: "pdb-blocks-disruptions",
    summary: "a PodDisruptionBudget allows no voluntary disruption at all",
    rationale: """
      With maxUnavailable 0, minAvailable 100%, or minAvailable equal to the replicas of the \
      workloads it selects, the budget never permits an eviction: node drains, cluster upgrades \
      and autoscaler scale-downs hang until someone deletes the budget.
      """,
    remediation:
      "allow at least one disruption: maxUnavailable: 1, or minAvailable below the replicas",
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
    if let max = DisruptionBudget(spec["maxUnavailable"]), max.problem == nil, max.isZero {
      return [
        Finding(
          at: "/spec/maxUnavailable",
          "maxUnavailable is zero, so no pod can ever be evicted; allow at least one")
      ]
    }
    guard let min = DisruptionBudget(spec["minAvailable"]), min.problem == nil else { return [] }
    if let percent = min.percent, percent >= 100 {
      return [
        Finding(
          at: "/spec/minAvailable",
          "minAvailable \(percent)% keeps every pod, so none can ever be evicted; lower it")
      ]
    }
    guard let count = min.count else { return [] }
    let selector = LabelSelector.decode(spec["selector"], at: "/spec/selector").selector
    let selected = PodSpecs.bearingKinds.flatMap {
      context.resources(kind: $0, namespace: object.identity.namespace)
    }.filter {
      Workloads.replicas(of: $0) != nil
        && LabelSelector.matches(selector, Workloads.podLabels(of: $0))
    }
    let total = selected.compactMap { Workloads.replicas(of: $0) }.reduce(0, +)
    guard !selected.isEmpty, count >= total else { return [] }
    return [
      Finding(
        at: "/spec/minAvailable",
        "minAvailable \(count) is not below the \(total) replicas it selects, so none can ever be evicted; lower it"
      )
    ]
  }
}
