import BosunCore
import BosunModel

/// A NetworkPolicy applies to the pods of some workload.
struct NetworkPolicySelectorRule: Rule {
  static let description = RuleDescription(
    id: "network-policy-selects-pods",
    summary: "a NetworkPolicy's podSelector matches the pods of no workload in its namespace",
    rationale: """
      A policy whose podSelector matches no pods isolates nothing: traffic it was meant to \
      block still flows, and traffic it was meant to allow is governed by other policies. An \
      empty podSelector selects every pod of the namespace and is never reported.
      """,
    remediation: "make spec.podSelector match the labels of the pods the policy is for",
    category: .references, severity: .warning, kinds: ["NetworkPolicy"],
    examples: [
      .passing(
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """),
      .passing(
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: db
        spec:
          podSelector:
            matchExpressions:
              - {key: app, operator: In, values: [db]}
          policyTypes: [Ingress]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          selector:
            matchLabels: {app: db}
          template:
            metadata:
              labels: {app: db}
            spec:
              containers:
                - name: db
                  image: postgres:17
        """),
      .failing(
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: db
        spec:
          podSelector:
            matchLabels: {app: database}
          policyTypes: [Ingress]
        """, at: "/spec/podSelector"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let (decoded, _) = LabelSelector.decode(
      object.node["spec"]?["podSelector"], at: "/spec/podSelector")
    guard let selector = decoded, !selector.isEmpty, selector.problems.isEmpty else { return [] }
    let selected = PodOwners.selected(
      in: context, namespace: object.identity.namespace, carrying: selector.matchLabels
    ) {
      selector.matches($0)
    }
    guard selected.isEmpty else { return [] }
    return [
      Finding(
        at: "/spec/podSelector",
        "no pod template in namespace \(object.identity.namespace ?? "-") matches this podSelector, so the policy applies to nothing; fix the selector"
      )
    ]
  }
}
