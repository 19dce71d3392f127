import BosunCore
import BosunModel

/// A liveness probe is stretched to cover a slow start instead of using a startup probe.
///
/// Two signs of a slow start: the readiness probe waits longer before its first check than the
/// liveness probe takes to kill (`initialDelaySeconds + failureThreshold × periodSeconds`), so
/// the container is killed before it can ever be ready; or the liveness probe itself waits at
/// least `slowStartSeconds`, which delays catching a hang after every restart.
struct SlowStartRule: Rule {
  static let description = RuleDescription(
    id: "slow-start-without-startup-probe",
    summary: "a slow start is covered by a long liveness delay instead of a startupProbe",
    rationale: """
      The kubelet kills a container whose liveness probe fails failureThreshold times in a row \
      after initialDelaySeconds. If the application needs longer than that to start, it is \
      restarted forever; stretching initialDelaySeconds instead delays detection of every later \
      hang. A startupProbe holds liveness back only until the first success.
      """,
    remediation: """
      add a startupProbe with failureThreshold × periodSeconds covering the worst start, and keep \
      the liveness probe short
      """,
    category: .probes, severity: .warning, kinds: ProbeFacts.servingKinds,
    options: [
      RuleOption(
        "slowStartSeconds", .int, default: .int(60),
        help: "a liveness initialDelaySeconds at least this long counts as a slow start"),
      RuleOption(
        "expectedStartSeconds", .int, default: .int(0),
        help: "how long containers may take to start; liveness must not kill them sooner"),
    ],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          containers:
            - name: app
              image: example/app:1.0
              startupProbe: {httpGet: {path: /healthz, port: 8080}, failureThreshold: 30}
              livenessProbe: {httpGet: {path: /healthz, port: 8080}, initialDelaySeconds: 120}
              readinessProbe: {httpGet: {path: /ready, port: 8080}, initialDelaySeconds: 90}
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          containers:
            - name: app
              image: example/app:1.0
              livenessProbe: {httpGet: {path: /healthz, port: 8080}}
              readinessProbe: {httpGet: {path: /ready, port: 8080}, initialDelaySeconds: 90}
            - name: slow
              image: example/slow:1.0
              livenessProbe: {httpGet: {path: /healthz, port: 8081}, initialDelaySeconds: 300}
        """, at: "/spec/containers/0/livenessProbe",
        "/spec/containers/1/livenessProbe/initialDelaySeconds"),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          containers:
            - name: app
              image: example/app:1.0
              livenessProbe: {httpGet: {path: /healthz, port: 8080}}
        """, at: "/spec/containers/0/livenessProbe", options: ["expectedStartSeconds": .int(45)]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let slowStart = Int64(context.options.int("slowStartSeconds", default: 60))
    let expectedStart = Int64(context.options.int("expectedStartSeconds", default: 0))
    return ProbeFacts.containers(of: object).compactMap { container in
      guard let liveness = container.node["livenessProbe"], container.node["startupProbe"] == nil
      else { return nil }
      let pointer = container.pointer.appending("livenessProbe")
      let window = ProbeFacts.killWindow(liveness)
      let readinessDelay =
        container.node["readinessProbe"].map { ProbeFacts.seconds($0, "initialDelaySeconds") } ?? 0
      let expected = max(expectedStart, readinessDelay)
      if window < expected {
        return Finding(
          at: pointer,
          "livenessProbe of container \(container.name) can kill it \(window)s after start, before its expected start of \(expected)s; add a startupProbe"
        )
      }
      let delay = ProbeFacts.seconds(liveness, "initialDelaySeconds")
      if delay >= slowStart {
        return Finding(
          at: pointer.appending("initialDelaySeconds"),
          "livenessProbe of container \(container.name) waits \(delay)s before its first check; use a startupProbe for the slow start and a short liveness delay"
        )
      }
      return nil
    }
  }
}
