import BosunCore
import BosunModel

/// A container may run as root: runAsUser 0, or neither runAsNonRoot: true nor a non-zero
/// runAsUser at container or pod level.
struct RunAsRootRule: Rule {
  static let description = RuleDescription(
    id: "run-as-root",
    summary: "a container may run as root",
    rationale: """
      Root in a container is root on the node's kernel: any escape, writable host mount or \
      kernel bug is then a full node compromise. runAsNonRoot: true makes the kubelet refuse to \
      start an image whose user is root; a non-zero runAsUser fixes the user outright. \
      Container settings override the pod's.
      """,
    remediation:
      "set securityContext.runAsNonRoot: true (pod or container) and a non-zero runAsUser",
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: web
              image: nginx:1.27
            - name: sidecar
              image: busybox:1.36
              securityContext: {runAsNonRoot: false, runAsUser: 1000}
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 0, runAsNonRoot: false}
          containers:
            - name: web
              image: nginx:1.27
            - name: sidecar
              image: busybox:1.36
              securityContext: {runAsUser: 1000}
            - name: debug
              image: busybox:1.36
              securityContext: {runAsUser: 2000, runAsNonRoot: true}
        """, at: "/spec/securityContext/runAsUser"),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
            - name: sidecar
              image: busybox:1.36
              securityContext: {runAsNonRoot: false}
        """, at: "/spec/containers/0", "/spec/containers/1/securityContext/runAsNonRoot"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let contexts = SecurityContexts(object) else { return [] }
    var findings: [Finding] = []
    var reportedPod = false
    func reportPod(_ field: Located, _ message: String) {
      guard !reportedPod else { return }
      reportedPod = true
      findings.append(Finding(at: field.pointer, message))
    }
    for container in contexts.containers {
      let name = container.name
      let user = SecurityContexts.field(container, "runAsUser")
      let podUser = contexts.podField("runAsUser")
      if let user, user.node.intValue == 0 {
        findings.append(
          Finding(
            at: user.pointer, "container \(name) sets runAsUser: 0 (root); use a non-zero user"))
        continue
      }
      if user == nil, let podUser, podUser.node.intValue == 0 {
        reportPod(podUser, "pod sets runAsUser: 0 (root) for its containers; use a non-zero user")
        continue
      }
      if let uid = (user ?? podUser)?.node.intValue, uid != 0 { continue }
      let nonRoot = SecurityContexts.field(container, "runAsNonRoot")
      let podNonRoot = contexts.podField("runAsNonRoot")
      switch (nonRoot, podNonRoot) {
      case (let field?, _) where field.node.boolValue == true: continue
      case (let field?, _):
        findings.append(
          Finding(
            at: field.pointer,
            "container \(name) sets runAsNonRoot: false and no non-root runAsUser; set runAsNonRoot: true"
          ))
      case (nil, let field?) where field.node.boolValue == true: continue
      case (nil, let field?):
        reportPod(
          field, "pod sets runAsNonRoot: false and no non-root runAsUser; set runAsNonRoot: true")
      case (nil, nil):
        findings.append(
          Finding(
            at: SecurityContexts.missing(container),
            "container \(name) may run as root; set runAsNonRoot: true and a non-zero runAsUser"))
      }
    }
    return findings
  }
}
