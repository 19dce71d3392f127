import BosunCore
import BosunModel

/// A workload's `app.kubernetes.io/*` labels reach its pods unchanged.
struct TemplateLabelsConsistentRule: Rule {
  static let description = RuleDescription(
    id: "template-labels-consistent",
    summary: "a workload's app.kubernetes.io labels are missing from or differ on its pod template",
    rationale: """
      The recommended `app.kubernetes.io/*` labels (name, instance, version, component, \
      part-of) describe the application. Tools that group pods by them, such as dashboards and \
      network policies, see the pods' labels, not the workload's; a label set on the workload \
      but missing or different on the pod template splits one application in two.
      """,
    remediation:
      "copy each app.kubernetes.io label of the workload to spec.template.metadata.labels with the same value",
    category: .metadata, severity: .warning,
    kinds: [
      "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
      "ReplicationController",
    ],
    examples: [
      .passing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: web
          template:
            metadata:
              labels:
                app.kubernetes.io/name: web
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
          labels:
            app.kubernetes.io/name: web
            app.kubernetes.io/version: "2.1"
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: web
          template:
            metadata:
              labels:
                app.kubernetes.io/name: website
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """,
        at: "/spec/template/metadata/labels/app.kubernetes.io~1name",
        "/spec/template/metadata/labels/app.kubernetes.io~1version"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let template = PodSpecs.podMetadata(of: object) else { return [] }
    let podLabels = PodOwners.podLabels(of: object)
    let labelsPointer = template.pointer.appending("labels")
    return object.labels.filter { $0.key.hasPrefix("app.kubernetes.io/") }.sorted {
      $0.key < $1.key
    }
    .compactMap { key, value in
      guard podLabels[key] != value else { return nil }
      let message =
        podLabels[key].map {
          "label \(key) is \"\(value)\" on the \(object.identity.kind) but \"\($0)\" on its pods; use one value"
        }
        ?? "label \(key) is on the \(object.identity.kind) but not on its pods; add it to the pod template"
      return Finding(at: labelsPointer.appending(key), message)
    }
  }
}
