import BosunCore
import BosunModel

/// A container adds a capability that amounts to root on the node.
struct DangerousCapabilitiesRule: Rule {
  static let description = RuleDescription(
    id: "dangerous-capabilities",
    summary: "a container adds a dangerous capability such as SYS_ADMIN or NET_ADMIN",
    rationale: """
      SYS_ADMIN is close to privileged (mounts, namespaces, BPF), NET_ADMIN rewrites the node's \
      networking, SYS_PTRACE reads other processes' memory, SYS_MODULE loads kernel code, and \
      ALL grants everything. Any of them turns a container compromise into a node compromise.
      """,
    remediation:
      "remove the capability, or isolate the workload on dedicated nodes if it truly needs it",
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
    options: [
      RuleOption(
        "capabilities", .stringList,
        default: .array(
          [
            "ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT",
            "SYS_TIME", "DAC_READ_SEARCH", "BPF", "PERFMON", "MAC_ADMIN", "MAC_OVERRIDE",
          ].map(Value.string)),
        help: "capabilities that must not be added")
    ],
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
              securityContext: {capabilities: {add: [NET_BIND_SERVICE]}}
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: vpn}
        spec:
          containers:
            - name: vpn
              image: example/vpn:1.0
              securityContext:
                capabilities:
                  add: [NET_BIND_SERVICE, NET_ADMIN, cap_sys_admin]
        """, at: "/spec/containers/0/securityContext/capabilities/add/1",
        "/spec/containers/0/securityContext/capabilities/add/2"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let dangerous = Set(
      context.options.strings("capabilities", default: ["ALL", "SYS_ADMIN", "NET_ADMIN"]).map(
        Capabilities.normalise))
    var findings: [Finding] = []
    for container in PodSpecs.containers(of: object) {
      for item in SecurityContexts.field(container, "capabilities", "add")?.items ?? [] {
        guard let name = item.node.text, dangerous.contains(Capabilities.normalise(name)) else {
          continue
        }
        findings.append(
          Finding(
            at: item.pointer,
            "container \(container.name) adds capability \(name), which gives control over the node; remove it"
          ))
      }
    }
    return findings
  }
}
