import BosunCore
import BosunModel

/// Objects carry every label a team requires, e.g. an owner or a cost centre.
struct RequiredLabelsRule: Rule {
  static let description = RuleDescription(
    id: "required-labels",
    summary: "an object lacks a label listed in the labels option",
    rationale: """
      Labels are how people and tools find an object's owner, cost centre or application. A \
      required label that is missing makes the object invisible to dashboards, alerts and \
      cost reports that select on it.
      """,
    remediation: "add the label under metadata.labels",
    category: .metadata, severity: .warning, optIn: true,
    options: [
      RuleOption(
        "labels", .stringList, default: .array([.string("app.kubernetes.io/name")]),
        help: "label keys every object must carry")
    ],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          labels:
            team: payments
        """, options: ["labels": .array([.string("team")])]),
      .failing(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          labels:
            app: settings
        """, at: "/metadata/labels/team", options: ["labels": .array([.string("team")])]),
      .failing(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        """, at: "/metadata/labels/app.kubernetes.io~1name"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let labels = object.labels
    let required = context.options.strings("labels", default: ["app.kubernetes.io/name"])
    return required.filter { labels[$0] == nil }.map { key in
      Finding(
        at: JSONPointer.root.appending("metadata").appending("labels").appending(key),
        "\(object.identity.kind) \(object.identity.displayName) has no label \(key); add it under metadata.labels"
      )
    }
  }
}
