public import BosunModel
import BosunYAML

/// Everything the scheduler reads from a pod template, parsed once: node name and selector,
/// node affinity, tolerations, pod (anti-)affinity, topology spread, host ports, priority.
public struct SchedulingConstraints: Sendable {
  /// A preferred node affinity term.
  public struct PreferredNodeTerm: Hashable, Sendable {
    /// `weight` (1–100).
    public var weight: Int
    /// `preference`.
    public var term: NodeSelectorTerm

    /// Creates a preferred term.
    public init(weight: Int, term: NodeSelectorTerm) {
      self.weight = weight
      self.term = term
    }
  }

  /// `spec.nodeName`.
  public var nodeName: String?
  /// `spec.nodeSelector`.
  public var nodeSelector: [String: String]
  /// `nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms` (ORed), or
  /// nil when there is no required node affinity.
  public var requiredNodeTerms: [NodeSelectorTerm]?
  /// `nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution`.
  public var preferredNodeTerms: [PreferredNodeTerm]
  /// `spec.tolerations`.
  public var tolerations: [Toleration]
  /// `podAffinity.requiredDuringSchedulingIgnoredDuringExecution`.
  public var requiredAffinity: [PodAffinityTerm]
  /// `podAffinity.preferredDuringSchedulingIgnoredDuringExecution`, weights in the terms.
  public var preferredAffinity: [PodAffinityTerm]
  /// `podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution`.
  public var requiredAntiAffinity: [PodAffinityTerm]
  /// `podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution`, weights in the terms.
  public var preferredAntiAffinity: [PodAffinityTerm]
  /// `spec.topologySpreadConstraints`.
  public var topologySpread: [TopologySpreadConstraint]
  /// Host ports of the app containers. `hostIP` is not part of the model's container ports, so
  /// ports read from a spec bind every address; with `hostNetwork` an unset `hostPort` is the
  /// `containerPort`, as API defaulting sets it.
  public var hostPorts: [HostPort]
  /// `spec.priority` (0 when unset).
  public var priority: Int

  /// Parses a pod spec; `labels` are the pod template's labels, which `matchLabelKeys` (spread
  /// and affinity) and `mismatchLabelKeys` copy into selectors.
  public init(spec: PodSpec, labels: [String: String] = [:]) {
    nodeName = spec.nodeName.flatMap { $0.isEmpty ? nil : $0 }
    nodeSelector = spec.nodeSelector
    tolerations = spec.tolerations
    priority = spec.priority ?? 0
    topologySpread = spec.topologySpreadConstraints.map {
      TopologySpreadConstraint($0, labels: labels)
    }
    var ports: [HostPort] = []
    for container in spec.containers {
      for port in container.ports {
        let number = port.hostPort ?? (spec.hostNetwork == true ? port.containerPort : nil)
        guard let number, number > 0 else { continue }
        ports.append(HostPort(port: number, protocol: port.protocol ?? "TCP"))
      }
    }
    hostPorts = ports
    let affinity = spec.affinity
    let nodeAffinity = affinity?.object("nodeAffinity")
    requiredNodeTerms = nodeAffinity?.object("requiredDuringSchedulingIgnoredDuringExecution")
      .map { $0.list("nodeSelectorTerms").map(NodeSelectorTerm.init) }
    preferredNodeTerms =
      (nodeAffinity?.list("preferredDuringSchedulingIgnoredDuringExecution") ?? [])
      .map {
        PreferredNodeTerm(
          weight: $0.integer("weight") ?? 0,
          term: $0.object("preference").map(NodeSelectorTerm.init) ?? NodeSelectorTerm())
      }
    func terms(_ kind: String, _ field: String) -> [Node] {
      affinity?.object(kind)?.list(field) ?? []
    }
    let required = "requiredDuringSchedulingIgnoredDuringExecution"
    let preferred = "preferredDuringSchedulingIgnoredDuringExecution"
    requiredAffinity = terms("podAffinity", required).map { PodAffinityTerm($0, labels: labels) }
    requiredAntiAffinity = terms("podAntiAffinity", required).map {
      PodAffinityTerm($0, labels: labels)
    }
    func weighted(_ node: Node) -> PodAffinityTerm? {
      guard let term = node.object("podAffinityTerm") else { return nil }
      return PodAffinityTerm(term, weight: node.integer("weight") ?? 0, labels: labels)
    }
    preferredAffinity = terms("podAffinity", preferred).compactMap(weighted)
    preferredAntiAffinity = terms("podAntiAffinity", preferred).compactMap(weighted)
  }

  /// Whether the pod has pod affinity or anti-affinity terms of any kind, so that inter-pod
  /// work is needed when scheduling it or when it is resident (upstream `PodsWithAffinity`).
  public var hasInterPodConstraints: Bool {
    !requiredAffinity.isEmpty || !preferredAffinity.isEmpty || !requiredAntiAffinity.isEmpty
      || !preferredAntiAffinity.isEmpty
  }

  /// Whether the pod has a node selector or required node affinity, so that NodeAffinity's
  /// filter has something to check (`matchesNodeAffinity` holds on every node otherwise).
  public var hasRequiredNodeAffinity: Bool { !nodeSelector.isEmpty || requiredNodeTerms != nil }

  /// Whether the pod has topology spread constraints.
  public var hasSpreadConstraints: Bool { !topologySpread.isEmpty }

  /// Whether any toleration tolerates the taint (`TolerationsTolerateTaint`).
  public func tolerates(_ taint: ClusterNode.Taint) -> Bool {
    for toleration in tolerations where toleration.tolerates(taint) { return true }
    return false
  }

  /// Whether the node satisfies `nodeSelector` and the required node affinity
  /// (`RequiredNodeAffinity.Match`, plugins/nodeaffinity/node_affinity.go).
  public func matchesNodeAffinity(_ node: SimNode) -> Bool {
    for (key, value) in nodeSelector where node.labels[key] != value { return false }
    guard let requiredNodeTerms else { return true }
    for term in requiredNodeTerms where term.matches(labels: node.labels, name: node.name) {
      return true
    }
    return false
  }

  /// The nodes the required affinity is limited to by name, when every term names nodes
  /// (`metadata.name In`): upstream's NodeAffinity PreFilter result, used by DaemonSet pods.
  var namedNodes: Set<String>? {
    guard let requiredNodeTerms, !requiredNodeTerms.isEmpty else { return nil }
    var names = Set<String>()
    for term in requiredNodeTerms {
      guard let termNames = term.namedNodes else { return nil }
      names.formUnion(termNames)
    }
    return names
  }
}

extension SchedulingConstraints {
  /// The first NoSchedule or NoExecute taint the pod does not tolerate: its index in
  /// `node.taints`, or -1 for the `node.kubernetes.io/not-ready:NoSchedule` taint the node
  /// lifecycle controller puts on a node that is not Ready (`FindMatchingUntoleratedTaint`).
  func firstUntoleratedTaint(on node: SimNode) -> Int? {
    var hasNotReadyTaint = false
    for (index, taint) in node.taints.enumerated() {
      guard taint.effect == "NoSchedule" || taint.effect == "NoExecute" else { continue }
      if taint.key == NodeRejection.notReadyTaint.key
        || taint.key == "node.kubernetes.io/unreachable"
      {
        hasNotReadyTaint = true
      }
      if !tolerates(taint) { return index }
    }
    if !node.ready && !hasNotReadyTaint && !tolerates(NodeRejection.notReadyTaint) { return -1 }
    return nil
  }
}
