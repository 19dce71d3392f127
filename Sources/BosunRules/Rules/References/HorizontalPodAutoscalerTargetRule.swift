import BosunCore
import BosunModel

/// The workload an HPA scales exists.
struct HorizontalPodAutoscalerTargetRule: Rule {
  static let description = RuleDescription(
    id: "hpa-target",
    summary: "a HorizontalPodAutoscaler's scaleTargetRef names an object that is not in the input",
    rationale: """
      An autoscaler whose target does not exist reports FailedGetScale and never scales \
      anything, so the workload it was meant to protect runs at its fixed replica count.
      A warning, not an error: the object may be created outside these manifests; name such \
      objects under externalNames in .bosun.yaml.
      """,
    remediation: """
      fix scaleTargetRef's kind and name to match the workload, or list the name under \
      externalNames in .bosun.yaml
      """,
    category: .references, severity: .warning, kinds: ["HorizontalPodAutoscaler"],
    examples: [
      .passing(
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          minReplicas: 2
          maxReplicas: 5
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
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """),
      .failing(
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: StatefulSet
            name: web
          minReplicas: 2
          maxReplicas: 5
        """, at: "/spec/scaleTargetRef/name"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let target = object.node.node(at: "/spec/scaleTargetRef"),
      let kind = target["kind"]?.scalarText, let name = target["name"]?.scalarText
    else { return [] }
    let namespace = object.identity.namespace
    guard !context.exists(kind: kind, name: name, namespace: namespace) else { return [] }
    return [
      Finding(
        at: "/spec/scaleTargetRef/name",
        "\(kind) \(name) is not in the input (namespace \(namespace ?? "-")); this autoscaler would scale nothing"
      )
    ]
  }
}
