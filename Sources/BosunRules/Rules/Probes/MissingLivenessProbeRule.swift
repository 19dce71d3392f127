import BosunCore
import BosunModel

/// A container that declares ports has no liveness probe.
struct MissingLivenessProbeRule: Rule {
  static let description = RuleDescription(
    id: "missing-liveness-probe",
    summary: "a container that declares ports has no liveness probe",
    rationale: """
      A serving process can deadlock while staying alive; without a liveness probe the kubelet \
      never restarts it and the pod stays broken until someone notices.
      """,
    remediation: """
      add a livenessProbe that fails only when the process cannot recover by itself (and differs \
      from the readiness probe)
      """,
    category: .probes, severity: .warning, kinds: ProbeFacts.servingKinds,
    examples: [
      .passing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{containerPort: 80}]
                  livenessProbe: {tcpSocket: {port: 80}}
        """),
      .failing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{containerPort: 80}]
        """, at: "/spec/template/spec/containers/0"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    ProbeFacts.servingContainers(of: object, without: "livenessProbe").map {
      Finding(
        at: $0.pointer,
        "container \($0.name) serves ports but has no livenessProbe; add one so a hung process is restarted"
      )
    }
  }
}
