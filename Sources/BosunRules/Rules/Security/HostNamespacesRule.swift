import BosunCore
import BosunModel

/// The pod shares the node's network, process or IPC namespace.
struct HostNamespacesRule: Rule {
  static let description = RuleDescription(
    id: "host-namespaces",
    summary: "a pod shares the node's network, PID or IPC namespace",
    rationale: """
      hostNetwork exposes the node's interfaces and loopback services (the kubelet, metadata \
      endpoints) and bypasses NetworkPolicy; hostPID lets the pod see and signal every process \
      on the node; hostIPC shares its shared memory.
      """,
    remediation: "remove hostNetwork, hostPID and hostIPC, or set them to false",
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          hostNetwork: false
          containers: [{name: web, image: "nginx:1.27"}]
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          hostNetwork: true
          hostPID: true
          hostIPC: false
          containers: [{name: web, image: "nginx:1.27"}]
        """, at: "/spec/hostNetwork", "/spec/hostPID"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let (spec, pointer) = PodSpecs.podSpec(of: object) else { return [] }
    let meaning = [
      "hostNetwork": "the node's network", "hostPID": "the node's processes",
      "hostIPC": "the node's IPC",
    ]
    return ["hostNetwork", "hostPID", "hostIPC"].compactMap { field in
      guard spec[field]?.boolValue == true else { return nil }
      return Finding(
        at: pointer.appending(field),
        "pod sets \(field): true and shares \(meaning[field]!); remove it")
    }
  }
}
