import BosunCore
import BosunModel

/// A container runs without a seccomp profile.
struct SeccompProfileRule: Rule {
  static let description = RuleDescription(
    id: "seccomp-profile",
    summary: "a container runs without the RuntimeDefault or a Localhost seccomp profile",
    rationale: """
      Without a seccomp profile (or with Unconfined) a container may call every system call, \
      including the rarely used ones behind most kernel escapes. RuntimeDefault blocks them \
      with no effect on ordinary applications. A container's profile overrides the pod's.
      """,
    remediation: "set securityContext.seccompProfile.type: RuntimeDefault at pod level",
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: web
              image: nginx:1.27
            - name: sidecar
              image: busybox:1.36
              securityContext:
                seccompProfile: {type: Localhost, localhostProfile: profiles/sidecar.json}
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
              securityContext: {seccompProfile: {type: Unconfined}}
            - name: sidecar
              image: busybox:1.36
        """, at: "/spec/containers/0/securityContext/seccompProfile/type", "/spec/containers/1"),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {seccompProfile: {type: Unconfined}}
          containers:
            - name: web
              image: nginx:1.27
            - name: sidecar
              image: busybox:1.36
        """, at: "/spec/securityContext/seccompProfile/type"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let contexts = SecurityContexts(object) else { return [] }
    let podType = contexts.podField("seccompProfile", "type")
    var findings: [Finding] = []
    var reportedPod = false
    for container in contexts.containers {
      let type = SecurityContexts.field(container, "seccompProfile", "type") ?? podType
      switch type?.node.text {
      case "RuntimeDefault", "Localhost": continue
      case nil:
        findings.append(
          Finding(
            at: SecurityContexts.missing(container),
            "container \(container.name) has no seccomp profile; set seccompProfile.type: RuntimeDefault"
          ))
      case let value?:
        guard let type, !(type.pointer == podType?.pointer && reportedPod) else { continue }
        reportedPod = reportedPod || type.pointer == podType?.pointer
        let owner = type.pointer == podType?.pointer ? "pod" : "container \(container.name)"
        findings.append(
          Finding(
            at: type.pointer,
            "\(owner) uses seccomp profile \(value); use RuntimeDefault or Localhost"))
      }
    }
    return findings
  }
}
