import BosunCore
import BosunModel

/// A container that declares ports has no readiness probe.
struct MissingReadinessProbeRule: Rule {
  static let description = RuleDescription(
    id: "missing-readiness-probe",
    summary: "a container that declares ports has no readiness probe",
    rationale: """
      Without a readiness probe a pod receives Service traffic as soon as its containers start, \
      before the application can answer, and keeps receiving it while the application is \
      overloaded or stuck. Rollouts also proceed without knowing whether new pods work.
      """,
    remediation: "add a readinessProbe that checks the port the container serves on",
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
              ports: [{containerPort: 80}]
              readinessProbe: {httpGet: {path: /, port: 80}}
            - name: worker
              image: busybox:1.36
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
              ports: [{containerPort: 80}]
        """, at: "/spec/containers/0"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    ProbeFacts.servingContainers(of: object, without: "readinessProbe").map {
      Finding(
        at: $0.pointer,
        "container \($0.name) serves ports but has no readinessProbe; add one so traffic waits until it is ready"
      )
    }
  }
}
