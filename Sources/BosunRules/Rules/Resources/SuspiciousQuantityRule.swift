import BosunCore
import BosunModel

/// A CPU or memory quantity that is almost certainly a typo.
struct SuspiciousQuantityRule: Rule {
  static let description = RuleDescription(
    id: "suspicious-quantity",
    summary: "a CPU or memory quantity is implausible, such as memory 1000m",
    rationale: """
      Quantity suffixes are easy to mix up: memory 1000m is one byte (m means thousandths), \
      memory 512 is 512 bytes, and cpu 2000 asks for two thousand cores. Such pods either never \
      schedule or are killed at once.
      """,
    remediation: "write memory in Mi or Gi and CPU in cores or millicores (500m)",
    category: .resources, severity: .warning, kinds: PodSpecs.bearingKinds,
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
                requests: {cpu: 250m, memory: 64Mi}
                limits: {cpu: "2", memory: 1Gi}
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
                requests: {cpu: "500", memory: 1000m}
                limits: {memory: "512"}
        """, at: "/spec/containers/0/resources/requests/cpu",
        "/spec/containers/0/resources/requests/memory",
        "/spec/containers/0/resources/limits/memory"),
    ])

  static let maxCores = Quantity(256)
  static let minMemory = Quantity(1 << 20, format: .binarySI)

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for resources in ContainerResources.of(object) {
      let name = resources.container.name
      for section in ["requests", "limits"] {
        if let entry = resources.entry(section, "memory"), let text = entry.node.text,
          let quantity = resources.quantity(section, "memory")
        {
          if text.hasSuffix("m") {
            findings.append(
              Finding(
                at: entry.pointer,
                "memory \(section) of container \(name) is \(text), which is \(text.dropLast()) thousandths of a byte; write Mi or Gi"
              ))
          } else if quantity.sign > 0 && quantity < Self.minMemory {
            findings.append(
              Finding(
                at: entry.pointer,
                "memory \(section) of container \(name) is \(text) bytes, below 1Mi; add a unit such as Mi or Gi"
              ))
          }
        }
        if let entry = resources.entry(section, "cpu"), let text = entry.node.text,
          let quantity = resources.quantity(section, "cpu"), quantity > Self.maxCores
        {
          findings.append(
            Finding(
              at: entry.pointer,
              "cpu \(section) of container \(name) is \(text), more than any node has; \(text.allSatisfy(\.isNumber) ? "did you mean \(text)m" : "lower it")"
            ))
        }
      }
    }
    return findings
  }
}
