import BosunCore
import BosunModel

/// The pod mounts a directory or file of the node.
struct HostPathVolumeRule: Rule {
  static let description = RuleDescription(
    id: "host-path-volume",
    summary: "a pod mounts a node path, sensitive paths and runtime sockets called out",
    rationale: """
      A hostPath volume reaches outside the container: it ties the pod to one node's disk, and \
      paths such as /etc, /proc, /var/lib/kubelet or the root give access to node credentials \
      and configuration. The docker or containerd socket gives control of the container \
      runtime, which is root on the node.
      """,
    remediation: "use a persistentVolumeClaim, configMap, secret or emptyDir volume instead",
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          volumes: [{name: cache, emptyDir: {}}]
          containers: [{name: web, image: "nginx:1.27"}]
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          volumes:
            - name: data
              hostPath: {path: /srv/data}
            - name: runtime
              hostPath: {path: /var/run/docker.sock, type: Socket}
          containers: [{name: agent, image: "example/agent:1.0"}]
        """, at: "/spec/volumes/0/hostPath/path", "/spec/volumes/1/hostPath/path"),
    ])

  /// Container runtime sockets.
  static let sockets: Set<String> = [
    "/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock",
    "/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/run/crio/crio.sock",
    "/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock",
  ]
  /// Node directories whose contents (or whose parents) give away the node.
  static let sensitive = [
    "/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/var/lib/kubelet", "/var/lib/docker",
    "/var/lib/containerd", "/var/run", "/run", "/etc/kubernetes", "/var/lib/etcd",
  ]

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let (spec, pointer) = PodSpecs.podSpec(of: object) else { return [] }
    let volumes = Located(node: spec, pointer: pointer)["volumes"]?.items ?? []
    return volumes.compactMap { volume in
      guard let hostPath = volume["hostPath"] else { return nil }
      let name = volume["name"]?.node.text ?? "#\(volume.pointer.tokens.last?.text ?? "")"
      let at = hostPath.deepest("path")
      let path = at.node.text ?? ""
      var trimmed = path
      while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
      if Self.sockets.contains(trimmed) {
        return Finding(
          at: at.pointer,
          "volume \(name) mounts the container runtime socket \(path), which is root on the node; remove it"
        )
      }
      if trimmed == "/"
        || Self.sensitive.contains(where: { trimmed == $0 || trimmed.hasPrefix($0 + "/") })
      {
        return Finding(
          at: at.pointer,
          "volume \(name) mounts sensitive node path \(path); use a non-host volume")
      }
      return Finding(
        at: at.pointer, "volume \(name) mounts node path \(path); use a non-host volume")
    }
  }
}
