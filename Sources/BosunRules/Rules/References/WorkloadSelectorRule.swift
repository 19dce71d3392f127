import BosunCore
import BosunModel

/// A workload's selector selects the pods its own template creates.
struct WorkloadSelectorRule: Rule {
  static let description = RuleDescription(
    id: "workload-selector-matches",
    summary: "a workload's selector does not select its own pod template's labels",
    rationale: """
      The API server rejects a Deployment, ReplicaSet, StatefulSet or DaemonSet whose \
      `spec.selector` does not match `spec.template.metadata.labels` ("selector does not match \
      template labels"), so the apply fails. For a ReplicationController the pods it creates \
      would not count as its own, and it would create more forever.
      """,
    remediation:
      "make every matchLabels entry and matchExpressions term hold for the pod template's labels",
    category: .references, severity: .error,
    kinds: [
      "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController",
    ],
    examples: [
      .passing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
            matchExpressions:
              - {key: tier, operator: In, values: [frontend]}
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
      .failing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
              tier: frontend
            matchExpressions:
              - {key: track, operator: Exists}
          template:
            metadata:
              labels:
                app: website
                tier: frontend
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """, at: "/spec/selector/matchLabels/app", "/spec/selector/matchExpressions/0"),
      .failing(
        """
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: legacy
        spec:
          selector:
            app: legacy
          template:
            metadata:
              labels:
                app: old
            spec:
              containers:
                - name: legacy
                  image: legacy:1
        """, at: "/spec/selector/app"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let labels = PodOwners.podLabels(of: object)
    let described = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      .joined(separator: ",")
    let note = "the pod template's labels are {\(described)}"
    if object.identity.kind == "ReplicationController" {
      // A missing or empty map defaults to the template's labels.
      return PodOwners.stringMap(object.node["spec"]?["selector"]).sorted { $0.key < $1.key }
        .filter { labels[$0.key] != $0.value }.map {
          Finding(
            at: JSONPointer("/spec/selector").appending($0.key),
            "selector \($0.key)=\($0.value) does not match the pod template; \(note)")
        }
    }
    let (decoded, _) = LabelSelector.decode(object.node["spec"]?["selector"], at: "/spec/selector")
    guard let selector = decoded, selector.problems.isEmpty, !selector.matches(labels) else {
      return []
    }
    var findings: [Finding] = []
    for (key, value) in selector.matchLabels.sorted(by: { $0.key < $1.key })
    where labels[key] != value {
      findings.append(
        Finding(
          at: selector.pointer.appending("matchLabels").appending(key),
          "selector \(key)=\(value) does not match the pod template; \(note)"))
    }
    for requirement in selector.matchExpressions where !requirement.matches(labels) {
      findings.append(
        Finding(
          at: requirement.pointer,
          "selector term \(requirement.key) \(requirement.operator.text) does not hold for the pod template; \(note)"
        ))
    }
    return findings
  }
}
