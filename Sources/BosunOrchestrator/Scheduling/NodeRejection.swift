import BosunModel

/// The first filter that rejected a node, small enough to keep per node without allocating;
/// the reason strings are built only when a message is needed.
enum NodeRejection: Equatable, Sendable {
  /// Which resources fell short (plugins/noderesources/fit.go `fitsRequest`).
  struct Shortage: OptionSet, Equatable, Sendable {
    let rawValue: UInt8
    static let pods = Shortage(rawValue: 1)
    static let cpu = Shortage(rawValue: 2)
    static let memory = Shortage(rawValue: 4)
    static let ephemeralStorage = Shortage(rawValue: 8)
    static let scalar = Shortage(rawValue: 16)
    /// Some request exceeds the node's whole allocatable, so evicting pods cannot help.
    static let beyondAllocatable = Shortage(rawValue: 32)
  }

  /// Left out by NodeAffinity's PreFilter (`matchFields` naming other nodes).
  case outsideNamedNodes
  case unschedulable
  case nodeName
  /// The index of the untolerated taint in `SimNode.taints`, or -1 for the not-ready taint.
  case taint(Int)
  case nodeAffinity
  case ports
  case resources(Shortage)
  case spreadMissingLabel
  case spreadSkew
  case podAffinity
  case podAntiAffinity
  case existingAntiAffinity

  static let notReadyTaint = ClusterNode.Taint(
    key: "node.kubernetes.io/not-ready", effect: "NoSchedule")
  static let unschedulableTaint = ClusterNode.Taint(
    key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")

  var plugin: SchedulingPlugin {
    switch self {
    case .outsideNamedNodes, .nodeAffinity: .nodeAffinity
    case .unschedulable: .nodeUnschedulable
    case .nodeName: .nodeName
    case .taint: .taintToleration
    case .ports: .nodePorts
    case .resources: .nodeResourcesFit
    case .spreadMissingLabel, .spreadSkew: .podTopologySpread
    case .podAffinity, .podAntiAffinity, .existingAntiAffinity: .interPodAffinity
    }
  }

  /// Whether the status is UnschedulableAndUnresolvable, which tells preemption to skip the
  /// node.
  var isUnresolvable: Bool {
    switch self {
    case .outsideNamedNodes, .unschedulable, .nodeName, .taint, .nodeAffinity,
      .spreadMissingLabel, .podAffinity:
      true
    case .resources(let shortage): shortage.contains(.beyondAllocatable)
    case .ports, .spreadSkew, .podAntiAffinity, .existingAntiAffinity: false
    }
  }

  /// The status reasons, worded as upstream.
  func reasons(node: NodeState, request: SchedulingRequest) -> [String] {
    switch self {
    // schedule_one.go: nodes a PreFilter result left out
    case .outsideNamedNodes: return ["node(s) didn't satisfy plugin(s) [NodeAffinity]"]
    // plugins/nodeunschedulable/node_unschedulable.go
    case .unschedulable: return ["node(s) were unschedulable"]
    // plugins/nodename/node_name.go
    case .nodeName: return ["node(s) didn't match the requested node name"]
    // plugins/tainttoleration/taint_toleration.go: since kubernetes#134740 (v1.35, and
    // backported) the message no longer names the taint; `detail` keeps it for --explain.
    case .taint: return ["node(s) had untolerated taint(s)"]
    // plugins/nodeaffinity/node_affinity.go ErrReasonPod
    case .nodeAffinity: return ["node(s) didn't match Pod's node affinity/selector"]
    // plugins/nodeports/node_ports.go
    case .ports: return ["node(s) didn't have free ports for the requested pod ports"]
    case .resources(let shortage):
      return Self.resourceReasons(shortage, node: node, request: request)
    // plugins/podtopologyspread/filtering.go
    case .spreadMissingLabel:
      return ["node(s) didn't match pod topology spread constraints (missing required label)"]
    case .spreadSkew: return ["node(s) didn't match pod topology spread constraints"]
    // plugins/interpodaffinity/filtering.go
    case .podAffinity: return ["node(s) didn't match pod affinity rules"]
    case .podAntiAffinity: return ["node(s) didn't match pod anti-affinity rules"]
    case .existingAntiAffinity: return ["node(s) didn't satisfy existing pods anti-affinity rules"]
    }
  }

  /// What upstream logs but leaves out of the message.
  func detail(node: NodeState) -> String? {
    guard case .taint(let index) = self else { return nil }
    let taint = index >= 0 ? node.node.taints[index] : Self.notReadyTaint
    return "\(taint.key ?? "")=\(taint.value ?? ""):\(taint.effect ?? "")"
  }

  func failure(node: NodeState, request: SchedulingRequest) -> FilterFailure {
    FilterFailure(
      plugin: plugin, reasons: reasons(node: node, request: request),
      unresolvable: isUnresolvable, detail: detail(node: node))
  }

  private static func resourceReasons(
    _ shortage: Shortage, node: NodeState, request: SchedulingRequest
  ) -> [String] {
    var reasons: [String] = []
    if shortage.contains(.pods) { reasons.append("Too many pods") }
    if shortage.contains(.cpu) { reasons.append("Insufficient cpu") }
    if shortage.contains(.memory) { reasons.append("Insufficient memory") }
    if shortage.contains(.ephemeralStorage) { reasons.append("Insufficient ephemeral-storage") }
    if shortage.contains(.scalar) {
      // Upstream walks a Go map here (random order); sorted names keep the output stable.
      for (name, amount) in request.requests.requests.scalars.sorted(by: { $0.key < $1.key })
      where amount != 0 {
        let free =
          node.node.allocatable.scalars[name, default: 0]
          - node.requested.scalars[name, default: 0]
        if amount > free { reasons.append("Insufficient \(name)") }
      }
    }
    return reasons
  }
}
