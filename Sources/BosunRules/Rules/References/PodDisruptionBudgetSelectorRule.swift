import BosunCore
import BosunModel

/// A PodDisruptionBudget protects the pods of some workload.
struct PodDisruptionBudgetSelectorRule: Rule {
  static let description = RuleDescription(
    id: "pdb-selects-pods",
    summary: "a PodDisruptionBudget selects the pods of no workload in its namespace",
    rationale: """
      A budget that matches no pods protects nothing: node drains and cluster upgrades evict \
      the pods it was written for all at once. In policy/v1 a missing selector selects no \
      pods, and an empty one selects every pod of the namespace.
      """,
    remediation: "make spec.selector match the labels of the pod template it should protect",
    category: .references, severity: .warning, kinds: ["PodDisruptionBudget"],
    examples: [
      .passing(
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app: web}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: {app: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """),
      .failing(
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app: website}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: {app: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, at: [.init(kind: "PodDisruptionBudget", name: "web", pointer: "/spec/selector")]),
      .failing(
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
        spec:
          minAvailable: 1
        """, at: "/spec/selector"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let (selector, _) = LabelSelector.decode(object.node["spec"]?["selector"], at: "/spec/selector")
    guard let selector else {
      return [
        Finding(
          at: "/spec/selector",
          "this PodDisruptionBudget has no selector, so it protects no pods; add spec.selector")
      ]
    }
    guard selector.problems.isEmpty else { return [] }
    let selected = PodOwners.selected(
      in: context, namespace: object.identity.namespace, carrying: selector.matchLabels
    ) {
      selector.matches($0)
    }
    guard selected.isEmpty else { return [] }
    return [
      Finding(
        at: "/spec/selector",
        "no pod template in namespace \(object.identity.namespace ?? "-") matches this selector, so the budget protects nothing; fix the selector"
      )
    ]
  }
}
