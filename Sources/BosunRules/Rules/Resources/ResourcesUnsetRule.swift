import BosunCore
import BosunModel

/// Containers set the requests and limits the configuration asks for.
struct ResourcesUnsetRule: Rule {
  static let description = RuleDescription(
    id: "resources-unset",
    summary: "a container leaves a required CPU or memory request or limit unset",
    rationale: """
      The scheduler places pods by their requests: without them a node is overcommitted and \
      pods are the first evicted under pressure. Without a memory limit one leaking container \
      can push its neighbours out of memory. CPU limits are off by default because throttling \
      often hurts more than it helps; require them with the option.
      """,
    remediation:
      "set resources.requests.cpu, resources.requests.memory and resources.limits.memory",
    category: .resources, severity: .warning, kinds: PodSpecs.bearingKinds,
    options: [
      RuleOption(
        "require", .stringList,
        default: .array([
          .string("requests.cpu"), .string("requests.memory"), .string("limits.memory"),
        ]),
        help: "which of requests.cpu, requests.memory, limits.cpu, limits.memory must be set")
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
                requests: {cpu: 100m, memory: 128Mi}
                limits: {memory: 128Mi}
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - name: setup
              image: busybox:1.36
              resources:
                requests: {cpu: 100m}
                limits: {memory: 64Mi}
          containers:
            - name: web
              image: nginx:1.27
        """, at: "/spec/containers/0", "/spec/initContainers/0/resources/requests"),
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
                requests: {cpu: 100m, memory: 128Mi}
                limits: {memory: 128Mi}
        """, at: "/spec/containers/0/resources/limits",
        options: ["require": .array([.string("limits.cpu")])]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let required = context.options.strings(
      "require", default: ["requests.cpu", "requests.memory", "limits.memory"]
    ).compactMap { entry -> (section: String, resource: String)? in
      let parts = entry.split(separator: ".", maxSplits: 1).map(String.init)
      return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
    return ContainerResources.of(object).compactMap { resources in
      let missing = required.filter { resources.entry($0.section, $0.resource) == nil }
      guard !missing.isEmpty else { return nil }
      let sections = Set(missing.map(\.section))
      let at =
        sections.count == 1
        ? resources.root.deepest("resources", missing[0].section)
        : resources.root.deepest("resources")
      let names = missing.map { "\($0.section).\($0.resource)" }.joined(separator: ", ")
      return Finding(
        at: at.pointer,
        "container \(resources.container.name) does not set \(names); set them under resources")
    }
  }
}
