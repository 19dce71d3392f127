/// One attempt to place a pod: the cluster-wide state its filters need (PreFilter), computed
/// once, and the filters themselves in the default profile's order.
struct SchedulingCycle: Sendable {
  let request: SchedulingRequest
  let namedNodes: Set<String>?
  let spread: TopologySpreadCounts?
  let interPod: InterPodAffinityCounts?
  /// Whether the pod has a node selector or required node affinity for NodeAffinity's filter
  /// to check (its PreFilter returns Skip otherwise).
  private let checksNodeAffinity: Bool
  /// Whether the pod asks for host ports (NodePorts' PreFilter skips the plugin otherwise).
  private let checksPorts: Bool
  /// The pod's requests, read once: the filter compares them with every node.
  private let wanted: ResourceList
  /// Whether the pod requests any extended resource.
  private let wantsScalars: Bool
  /// Whether NodeResourcesFit is the only filter with anything to check on a plain node.
  private let checksRequestsOnly: Bool

  init(request: SchedulingRequest, nodes: [NodeState]) {
    self.request = request
    // An empty set (terms naming disjoint nodes) is left to the filter, which then rejects
    // every node as not matching the affinity.
    namedNodes = request.constraints.namedNodes.flatMap { $0.isEmpty ? nil : $0 }
    spread =
      request.constraints.hasSpreadConstraints
      ? TopologySpreadCounts(request: request, nodes: nodes) : nil
    interPod = InterPodAffinityCounts(request: request, nodes: nodes)
    checksNodeAffinity = request.constraints.hasRequiredNodeAffinity
    checksPorts = !request.constraints.hostPorts.isEmpty
    wanted = request.requests.requests
    wantsScalars = wanted.scalars.values.contains { $0 != 0 }
    checksRequestsOnly =
      namedNodes == nil && spread == nil && interPod == nil
      && request.constraints.nodeName == nil && !checksNodeAffinity && !checksPorts
      && !wantsScalars
  }

  /// Whether the filters look beyond the node itself, so that a change to one node changes
  /// the verdict on others.
  var needsClusterState: Bool { spread != nil || interPod != nil }

  /// Whether the node passes every filter, decided from its summary when the pod has only
  /// requests to check and the node is schedulable, Ready and untainted; nil when the filters
  /// must look at the node itself.
  func passes(_ summary: NodeSummary) -> Bool? {
    guard checksRequestsOnly && summary.isPlain else { return nil }
    return fitsRequests(summary)
  }

  /// The first filter that rejects the node, as the framework's `RunFilterPlugins` stops there.
  func rejection(for state: borrowing NodeState) -> NodeRejection? {
    if let namedNodes, !namedNodes.contains(state.node.name) { return .outsideNamedNodes }
    if let rejection = nodeLocalRejection(for: state, stopAtFirst: true).first { return rejection }
    if let rejection = spread?.rejection(for: state.node, request: request) { return rejection }
    return interPod?.rejection(for: state.node)
  }

  /// Every filter that rejects the node, for explaining.
  func rejections(for state: borrowing NodeState) -> [NodeRejection] {
    if let namedNodes, !namedNodes.contains(state.node.name) { return [.outsideNamedNodes] }
    var rejections = Array(nodeLocalRejection(for: state, stopAtFirst: false))
    if let rejection = spread?.rejection(for: state.node, request: request) {
      rejections.append(rejection)
    }
    if let rejection = interPod?.rejection(for: state.node) { rejections.append(rejection) }
    return rejections
  }

  /// The filters that look only at the node: a fixed-size result, so the common case does
  /// not allocate. Filters with nothing to check for this pod or node are skipped, as their
  /// PreFilter would skip them upstream; they could not reject.
  private func nodeLocalRejection(
    for state: borrowing NodeState, stopAtFirst: Bool
  ) -> RejectionList {
    var list = RejectionList()
    // plugins/nodeunschedulable/node_unschedulable.go
    if state.node.unschedulable
      && !request.constraints.tolerates(NodeRejection.unschedulableTaint)
    {
      list.append(.unschedulable)
      if stopAtFirst { return list }
    }
    // plugins/nodename/node_name.go
    if let name = request.constraints.nodeName, name != state.node.name {
      list.append(.nodeName)
      if stopAtFirst { return list }
    }
    // plugins/tainttoleration/taint_toleration.go: a Ready node without taints has nothing
    // to tolerate.
    if !state.node.taints.isEmpty || !state.node.ready,
      let taint = request.constraints.firstUntoleratedTaint(on: state.node)
    {
      list.append(.taint(taint))
      if stopAtFirst { return list }
    }
    // plugins/nodeaffinity/node_affinity.go
    if checksNodeAffinity && !request.constraints.matchesNodeAffinity(state.node) {
      list.append(.nodeAffinity)
      if stopAtFirst { return list }
    }
    // plugins/nodeports/node_ports.go
    if checksPorts && hasPortConflict(state) {
      list.append(.ports)
      if stopAtFirst { return list }
    }
    // plugins/noderesources/fit.go
    let shortage = resourceShortage(state)
    if !shortage.isEmpty { list.append(.resources(shortage)) }
    return list
  }

  private func hasPortConflict(_ state: borrowing NodeState) -> Bool {
    for wanted in request.constraints.hostPorts {
      for used in state.usedPorts where wanted.conflicts(with: used) { return true }
    }
    return false
  }

  /// `fitsRequest`: requests against allocatable minus what the residents (terminating ones
  /// too) request, and the pod count against `allowedPodCount`. Integers only until something
  /// falls short; then the shortage is worked out in full.
  private func resourceShortage(_ state: borrowing NodeState) -> NodeRejection.Shortage {
    if !wantsScalars && fitsRequests(state.summary) { return [] }
    var shortage = NodeRejection.Shortage()
    let allocatable = state.node.allocatable
    let used = state.requested
    if state.podCount + 1 > state.node.allowedPodCount { shortage.insert(.pods) }
    func check(_ amount: Int64, _ total: Int64, _ taken: Int64, _ kind: NodeRejection.Shortage) {
      guard amount > 0, amount > total - taken else { return }
      shortage.insert(kind)
      if amount > total { shortage.insert(.beyondAllocatable) }
    }
    check(wanted.milliCPU, allocatable.milliCPU, used.milliCPU, .cpu)
    check(wanted.memory, allocatable.memory, used.memory, .memory)
    check(
      wanted.ephemeralStorage, allocatable.ephemeralStorage, used.ephemeralStorage,
      .ephemeralStorage)
    for (name, amount) in wanted.scalars where amount != 0 {
      check(
        amount, allocatable.scalars[name, default: 0], used.scalars[name, default: 0], .scalar)
    }
    return shortage
  }
}

extension SchedulingCycle {
  /// NodeResourcesFit's filter in integers, without extended resources: room for one more pod,
  /// and each requested amount within what is left.
  private func fitsRequests(_ summary: NodeSummary) -> Bool {
    func fits(_ amount: Int64, _ total: Int64, _ taken: Int64) -> Bool {
      amount <= 0 || amount <= total - taken
    }
    return summary.podCount < summary.allowedPodCount
      && fits(wanted.milliCPU, summary.allocatableMilliCPU, summary.requestedMilliCPU)
      && fits(wanted.memory, summary.allocatableMemory, summary.requestedMemory)
      && fits(
        wanted.ephemeralStorage, summary.allocatableEphemeralStorage,
        summary.requestedEphemeralStorage)
  }
}

/// Up to six rejections without a heap allocation.
struct RejectionList: Sequence, Sendable {
  private var storage:
    (
      NodeRejection?, NodeRejection?, NodeRejection?, NodeRejection?,
      NodeRejection?, NodeRejection?
    ) = (nil, nil, nil, nil, nil, nil)
  private(set) var count = 0

  var first: NodeRejection? { storage.0 }

  mutating func append(_ rejection: NodeRejection) {
    switch count {
    case 0: storage.0 = rejection
    case 1: storage.1 = rejection
    case 2: storage.2 = rejection
    case 3: storage.3 = rejection
    case 4: storage.4 = rejection
    default: storage.5 = rejection
    }
    count += 1
  }

  func makeIterator() -> IndexingIterator<[NodeRejection]> {
    [storage.0, storage.1, storage.2, storage.3, storage.4, storage.5].prefix(count)
      .compactMap { $0 }.makeIterator()
  }
}
