import BosunCore
import BosunModel

/// A container can write to its root filesystem.
struct ReadOnlyRootFilesystemRule: Rule {
  static let description = RuleDescription(
    id: "writable-root-filesystem",
    summary: "a container's root filesystem is writable",
    rationale: """
      A writable root filesystem lets an attacker drop binaries and modify configuration inside \
      the container, and hides state that is lost on restart. Write paths belong on volumes.
      """,
    remediation: """
      set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process \
      must write (/tmp, caches)
      """,
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
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
              securityContext: {readOnlyRootFilesystem: true}
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
              securityContext: {readOnlyRootFilesystem: false}
            - name: sidecar
              image: busybox:1.36
              securityContext: {runAsNonRoot: true}
        """, at: "/spec/containers/0/securityContext/readOnlyRootFilesystem",
        "/spec/containers/1/securityContext"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodSpecs.containers(of: object).compactMap { container in
      let field = SecurityContexts.field(container, "readOnlyRootFilesystem")
      guard field?.node.boolValue != true else { return nil }
      return Finding(
        at: field?.pointer ?? SecurityContexts.missing(container),
        "container \(container.name) has a writable root filesystem; set readOnlyRootFilesystem: true and use volumes for writes"
      )
    }
  }
}
