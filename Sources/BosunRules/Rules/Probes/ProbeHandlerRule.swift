import BosunCore
import BosunModel

/// A probe sets no handler, or more than one.
struct ProbeHandlerRule: Rule {
  static let description = RuleDescription(
    id: "probe-handler-count",
    summary: "a probe sets none, or more than one, of exec, httpGet, tcpSocket and grpc",
    rationale: """
      The API server rejects a probe with no handler ("must specify a handler type") or with \
      several ("may not specify more than 1 handler type"), so the whole object fails to apply.
      """,
    remediation: "keep exactly one handler in the probe",
    category: .probes, severity: .error, kinds: PodSpecs.bearingKinds,
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
              livenessProbe: {exec: {command: [cat, /var/run/ok]}}
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
              readinessProbe:
                periodSeconds: 5
              livenessProbe:
                httpGet: {path: /, port: 80}
                tcpSocket: {port: 80}
        """, at: "/spec/containers/0/readinessProbe", "/spec/containers/0/livenessProbe/tcpSocket"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for container in PodSpecs.containers(of: object) {
      for probe in ProbeFacts.kinds {
        guard let node = container.node[probe], node.pairs != nil else { continue }
        let pointer = container.pointer.appending(probe)
        let present = ProbeFacts.handlers.filter { node[$0] != nil }
        if present.isEmpty {
          findings.append(
            Finding(
              at: pointer,
              "\(probe) of container \(container.name) has no handler; set one of exec, httpGet, tcpSocket or grpc"
            ))
        }
        for extra in present.dropFirst() {
          findings.append(
            Finding(
              at: pointer.appending(extra),
              "\(probe) of container \(container.name) sets both \(present[0]) and \(extra); keep one handler"
            ))
        }
      }
    }
    return findings
  }
}
