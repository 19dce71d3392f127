import BosunCore
import BosunModel

/// A Service's selector selects the pods of some workload in its namespace.
struct ServiceSelectsPodsRule: Rule {
  static let description = RuleDescription(
    id: "service-selects-pods",
    summary: "a Service's selector matches the pods of no workload in its namespace",
    rationale: """
      A Service routes to the ready pods its selector matches. When no pod template in the \
      namespace carries those labels, the Service has no endpoints and every connection to it \
      is refused; a typo in one label value is enough.
      """,
    remediation: "make spec.selector equal to (a subset of) the labels of the pods it should reach",
    category: .references, severity: .warning, kinds: ["Service"],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - port: 80
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
                tier: frontend
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """),
      .passing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: external-db
        spec:
          ports:
            - port: 5432
        """),
      .failing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            app: web
          ports:
            - port: 80
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: staging
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """, at: [.init(kind: "Service", name: "web", pointer: "/spec/selector")]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let spec = object.node["spec"], spec["type"]?.scalarText != "ExternalName" else {
      return []
    }
    let selector = PodOwners.stringMap(spec["selector"])
    guard !selector.isEmpty else { return [] }
    let namespace = object.identity.namespace
    let selected = PodOwners.selected(
      in: context, namespace: namespace, carrying: selector
    ) {
      LabelSelector.mapSelectorMatches(selector, $0)
    }
    guard selected.isEmpty else { return [] }
    let wanted = selector.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      .joined(separator: ",")
    return [
      Finding(
        at: "/spec/selector",
        "no pod template in namespace \(namespace ?? "-") has the labels {\(wanted)}, so this Service has no endpoints; fix the selector or the pod labels"
      )
    ]
  }
}
