import BosunCore
import BosunModel

/// A probe's port is neither a declared container port number nor a declared port name.
struct ProbePortRule: Rule {
  static let description = RuleDescription(
    id: "probe-port-undeclared",
    summary: "a probe's port is neither a number nor a name the container declares",
    rationale: """
      A named probe port that the container does not declare cannot be resolved, so the probe \
      fails forever: liveness restarts the container in a loop and readiness never passes. A \
      numbered port that is not declared usually means the probe and the ports drifted apart.
      """,
    remediation: "point the probe at one of the container's ports, by number or by name",
    category: .probes, severity: .warning,
    kinds: PodSpecs.bearingKinds,
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
              ports: [{name: http, containerPort: 8080}]
              readinessProbe: {httpGet: {path: /, port: http}}
              livenessProbe: {tcpSocket: {port: 8080}}
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
              ports: [{name: http, containerPort: 8080}]
              readinessProbe: {httpGet: {path: /, port: web}}
              livenessProbe: {tcpSocket: {port: 80}}
        """, at: "/spec/containers/0/readinessProbe/httpGet/port",
        "/spec/containers/0/livenessProbe/tcpSocket/port"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for container in PodSpecs.containers(of: object, kinds: [.container, .initContainer]) {
      let ports = container.node["ports"]?.items ?? []
      let numbers = Set(ports.compactMap { $0["containerPort"]?.intValue })
      let names = Set(ports.compactMap { $0["name"]?.text })
      for probe in ProbeFacts.kinds {
        for handler in ["httpGet", "tcpSocket", "grpc"] {
          let pointer = container.pointer.appending(probe).appending(handler).appending("port")
          guard let port = container.node[probe]?[handler]?["port"] else { continue }
          if let number = port.intValue {
            if !ports.isEmpty && !numbers.contains(number) {
              findings.append(
                Finding(
                  at: pointer,
                  "\(probe) of container \(container.name) checks port \(number), which the container does not declare; use a declared port"
                ))
            }
          } else if let name = port.text, !names.contains(name) {
            findings.append(
              Finding(
                at: pointer,
                "\(probe) of container \(container.name) uses port name \(name), which the container does not declare; the probe can never succeed",
                severity: .error))
          }
        }
      }
    }
    return findings
  }
}
