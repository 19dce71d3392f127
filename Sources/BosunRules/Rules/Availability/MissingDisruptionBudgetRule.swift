import BosunCore
import BosunModel

/// A multi-replica workload has no PodDisruptionBudget in the input.
struct MissingDisruptionBudgetRule: Rule {
  static let description = RuleDescription(
    id: "pdb-missing",
    summary: "a multi-replica workload has no PodDisruptionBudget in the input",
    rationale: """
      Without a budget a node drain may evict every replica at once. A PodDisruptionBudget in \
      the same namespace whose selector matches the pod template's labels makes drains wait \
      for replacements.
      """,
    remediation:
      "add a PodDisruptionBudget selecting the pod template's labels, with maxUnavailable: 1",
    category: .availability, severity: .warning, kinds: ["Deployment", "StatefulSet"],
    examples: [
      .passing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web, tier: front}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          maxUnavailable: 1
          selector: {matchLabels: {app: web}}
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
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: other}
        spec:
          maxUnavailable: 1
          selector: {matchLabels: {app: other}}
        """, at: "/spec/replicas"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let replicas = Workloads.replicas(of: object),
      replicas >= 2 || Workloads.isAutoscaled(object, in: context)
    else { return [] }
    let labels = Workloads.podLabels(of: object)
    let covered = context.resources(
      kind: "PodDisruptionBudget", namespace: object.identity.namespace
    ).contains {
      LabelSelector.matches(
        LabelSelector.decode($0.node["spec"]?["selector"], at: "/spec/selector").selector, labels)
    }
    guard !covered else { return [] }
    return [
      Finding(
        at: object.node["spec"]?["replicas"] != nil ? "/spec/replicas" : "/spec",
        "no PodDisruptionBudget in the input selects these \(replicas >= 2 ? "\(replicas)" : "autoscaled") replicas; add one with maxUnavailable: 1"
      )
    ]
  }
}
