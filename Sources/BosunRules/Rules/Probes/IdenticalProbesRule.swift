import BosunCore
import BosunModel

/// The liveness probe is the same as the readiness probe.
struct IdenticalProbesRule: Rule {
  static let description = RuleDescription(
    id: "liveness-equals-readiness",
    summary: "a container's liveness probe is identical to its readiness probe",
    rationale: """
      Readiness answers "can this pod take traffic now?", liveness "is this process beyond \
      repair?". When both are the same check, a pod that is only busy is killed instead of being \
      taken out of rotation, and a dependency outage restarts every replica at once.
      """,
    remediation: """
      make liveness a cheaper, more tolerant check (a separate endpoint, a higher \
      failureThreshold), or drop it if the process exits on fatal errors by itself
      """,
    category: .probes, severity: .warning, kinds: ProbeFacts.servingKinds,
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
              readinessProbe: {httpGet: {path: /ready, port: 80}}
              livenessProbe: {httpGet: {path: /healthz, port: 80}, failureThreshold: 6}
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
                httpGet: {path: /healthz, port: 80}
                periodSeconds: 5
              livenessProbe:
                periodSeconds: 5
                httpGet: {port: 80, path: /healthz}
        """, at: "/spec/containers/0/livenessProbe"),
    ])

  /// The value with mapping keys sorted, so key order does not make two probes differ.
  static func unordered(_ value: Value) -> Value {
    switch value {
    case .object(let pairs):
      .object(pairs.map { ($0.key, unordered($0.value)) }.sorted { $0.0 < $1.0 })
    case .array(let items): .array(items.map(unordered))
    default: value
    }
  }

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    ProbeFacts.containers(of: object).compactMap { container in
      guard let liveness = container.node["livenessProbe"],
        let readiness = container.node["readinessProbe"],
        Self.unordered(liveness.toValue()) == Self.unordered(readiness.toValue())
      else { return nil }
      return Finding(
        at: container.pointer.appending("livenessProbe"),
        "livenessProbe of container \(container.name) is identical to its readinessProbe; make liveness more tolerant or check something else"
      )
    }
  }
}
