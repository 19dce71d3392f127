import BosunCore
import BosunModel

/// A probe's timeout is not shorter than its period.
struct ProbeTimingRule: Rule {
  static let description = RuleDescription(
    id: "probe-timeout-exceeds-period",
    summary: "a probe's timeoutSeconds is not shorter than its periodSeconds",
    rationale: """
      When a check may take as long as the interval between checks, probes overlap or run back \
      to back, and a slow answer is indistinguishable from a failure. Defaults are a 1 s \
      timeout and a 10 s period.
      """,
    remediation: "lower timeoutSeconds or raise periodSeconds so the timeout fits in the period",
    category: .probes, severity: .warning, kinds: PodSpecs.bearingKinds,
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
              readinessProbe: {tcpSocket: {port: 80}, timeoutSeconds: 3, periodSeconds: 5}
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
              readinessProbe: {tcpSocket: {port: 80}, timeoutSeconds: 10}
              livenessProbe: {tcpSocket: {port: 80}, timeoutSeconds: 5, periodSeconds: 3}
        """, at: "/spec/containers/0/readinessProbe/timeoutSeconds",
        "/spec/containers/0/livenessProbe/timeoutSeconds"),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              startupProbe: {tcpSocket: {port: 80}, periodSeconds: 1}
        """, at: "/spec/containers/0/startupProbe/periodSeconds"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for container in PodSpecs.containers(of: object) {
      for probe in ProbeFacts.kinds {
        guard let node = container.node[probe],
          node["timeoutSeconds"] != nil || node["periodSeconds"] != nil
        else { continue }
        let timeout = ProbeFacts.seconds(node, "timeoutSeconds")
        let period = ProbeFacts.seconds(node, "periodSeconds")
        guard timeout >= period else { continue }
        findings.append(
          Finding(
            at: container.pointer.appending(probe).appending(
              node["timeoutSeconds"] != nil ? "timeoutSeconds" : "periodSeconds"),
            "\(probe) of container \(container.name) times out after \(timeout)s but runs every \(period)s; keep the timeout below the period"
          ))
      }
    }
    return findings
  }
}
