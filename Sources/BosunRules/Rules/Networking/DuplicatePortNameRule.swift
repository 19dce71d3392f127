import BosunCore
import BosunModel

/// Two container ports of a pod share a name.
struct DuplicatePortNameRule: Rule {
  static let description = RuleDescription(
    id: "duplicate-container-port-name",
    summary: "two container ports of a pod share a name",
    rationale: """
      The API server rejects a container with two ports of the same name. Across containers \
      of one pod a repeated name is accepted, but a Service targetPort or probe that uses the \
      name then resolves to whichever port comes first.
      """,
    remediation: "give each port a distinct name",
    category: .networking, severity: .error, kinds: PodSpecs.bearingKinds,
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
              ports: [{name: http, containerPort: 80}, {name: https, containerPort: 443}]
            - name: metrics
              image: example/exporter:1.0
              ports: [{name: metrics, containerPort: 9100}]
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
              ports: [{name: http, containerPort: 80}, {name: http, containerPort: 8080}]
            - name: sidecar
              image: example/proxy:1.0
              ports: [{name: http, containerPort: 15001}]
        """, at: "/spec/containers/0/ports/1/name", "/spec/containers/1/ports/0/name"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    var podNames: [String: String] = [:]
    for container in PodSpecs.containers(of: object, kinds: [.container, .initContainer]) {
      var own: Set<String> = []
      let ports = container.located["ports"]?.items ?? []
      for port in ports {
        guard let name = port["name"], let text = name.node.text, !text.isEmpty else { continue }
        if own.contains(text) {
          findings.append(
            Finding(
              at: name.pointer,
              "container \(container.name) declares port name \(text) twice; rename one"))
        } else if let other = podNames[text] {
          findings.append(
            Finding(
              at: name.pointer,
              "port name \(text) of container \(container.name) is also used by container \(other); rename one so references are unambiguous",
              severity: .warning))
        }
        own.insert(text)
        podNames[text] = podNames[text] ?? container.name
      }
    }
    return findings
  }
}
