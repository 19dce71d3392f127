import BosunCore
import BosunModel

/// Requests differ from limits, so the pod is not in the Guaranteed QoS class.
struct RequestsEqualLimitsRule: Rule {
  static let description = RuleDescription(
    id: "requests-equal-limits",
    summary: "a container's requests differ from its limits",
    rationale: """
      Pods whose every container has equal CPU and memory requests and limits get the \
      Guaranteed QoS class: they are evicted last and never share their reserved capacity. A \
      limit without a request defaults the request to the limit.
      """,
    remediation: "set each request equal to its limit",
    category: .resources, severity: .info, optIn: true, kinds: PodSpecs.bearingKinds,
    options: [
      RuleOption(
        "resources", .stringList, default: .array([.string("cpu"), .string("memory")]),
        help: "which resources must have equal requests and limits")
    ],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests: {memory: 1Gi}
                limits: {cpu: "1", memory: 1024Mi}
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests: {cpu: 100m, memory: 1Gi}
                limits: {memory: 2Gi}
        """, at: "/spec/containers/0/resources/limits",
        "/spec/containers/0/resources/requests/memory"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let names = context.options.strings("resources", default: ["cpu", "memory"])
    var findings: [Finding] = []
    for resources in ContainerResources.of(object) {
      let container = resources.container.name
      for name in names {
        guard let limit = resources.entry("limits", name) else {
          findings.append(
            Finding(
              at: resources.root.deepest("resources", "limits").pointer,
              "container \(container) sets no \(name) limit; set it equal to the request"))
          continue
        }
        if let request = resources.entry("requests", name),
          resources.quantity("requests", name) != resources.quantity("limits", name)
        {
          findings.append(
            Finding(
              at: request.pointer,
              "\(name) request of container \(container) differs from its limit \(limit.node.text ?? ""); make them equal"
            ))
        }
      }
    }
    return findings
  }
}
