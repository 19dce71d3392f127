import BosunCore
import BosunModel

/// A container may gain more privileges than its parent process.
struct PrivilegeEscalationRule: Rule {
  static let description = RuleDescription(
    id: "privilege-escalation-allowed",
    summary: "a container does not set allowPrivilegeEscalation: false",
    rationale: """
      Unless allowPrivilegeEscalation is false, a process can gain privileges through setuid \
      binaries or file capabilities (no_new_privs is not set). It defaults to true, and is \
      always true for privileged containers or those with CAP_SYS_ADMIN.
      """,
    remediation: "set securityContext.allowPrivilegeEscalation: false on every container",
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
              securityContext: {allowPrivilegeEscalation: false}
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
              securityContext: {allowPrivilegeEscalation: true}
            - name: sidecar
              image: busybox:1.36
        """, at: "/spec/containers/0/securityContext/allowPrivilegeEscalation", "/spec/containers/1"
      ),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodSpecs.containers(of: object).compactMap { container in
      let field = SecurityContexts.field(container, "allowPrivilegeEscalation")
      guard field?.node.boolValue != false else { return nil }
      return Finding(
        at: field?.pointer ?? SecurityContexts.missing(container),
        "container \(container.name) allows privilege escalation; set securityContext.allowPrivilegeEscalation: false"
      )
    }
  }
}
