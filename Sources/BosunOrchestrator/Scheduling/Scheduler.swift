import Foundation

/// kube-scheduler's default profile over a simulated cluster: filters, then scores, then the
/// highest total wins, ties going to the node whose name sorts first.
///
/// Mirrors pkg/scheduler/schedule_one.go (`schedulePod`, `findNodesThatFitPod`,
/// `prioritizeNodes`, `selectHost`), scoring every feasible node (no
/// `percentageOfNodesToScore`). A pod without inter-pod or spread constraints, in a cluster
/// with no resident anti-affinity, costs O(nodes) and allocates nothing per node.
public struct Scheduler: Sendable {
  /// How NodeResourcesFit scores.
  public var strategy: ScoringStrategy

  /// Whether results name every node tied at the top score (sorting them costs a little per
  /// pod; the simulation leaves it off and `--explain` shows the scores instead).
  public var reportsTies: Bool

  /// Whether the caller promises that the `nodes` it passes are sorted by name in byte order
  /// (Swift's `<` on the ASCII names Kubernetes allows), so that a tie goes to the lowest
  /// index without comparing names. The chosen node is the same either way.
  public var nodesInNameOrder: Bool

  /// Creates a scheduler.
  public init(
    strategy: ScoringStrategy = .leastAllocated, reportsTies: Bool = true,
    nodesInNameOrder: Bool = false
  ) {
    self.strategy = strategy
    self.reportsTies = reportsTies
    self.nodesInNameOrder = nodesInNameOrder
  }

  /// Picks a node for the pod, or explains, as kube-scheduler would, why none fits.
  public func schedule(_ request: SchedulingRequest, nodes: [NodeState]) -> SchedulingResult {
    guard !nodes.isEmpty else {
      return SchedulingResult(
        nodeIndex: nil, nodeName: nil, score: nil, tiedNodeNames: [], feasibleNodeCount: 0,
        message: "no nodes available to schedule pods")
    }
    let cycle = SchedulingCycle(request: request, nodes: nodes)
    // Through a buffer, so that filtering reads each node in place instead of copying it.
    let feasible = nodes.withUnsafeBufferPointer { buffer in
      var feasible: [Int] = []
      feasible.reserveCapacity(buffer.count)
      for index in buffer.indices
      where cycle.passes(buffer[index].summary) ?? (cycle.rejection(for: buffer[index]) == nil) {
        feasible.append(index)
      }
      return feasible
    }
    guard !feasible.isEmpty else { return unschedulable(cycle, nodes: nodes) }
    let totals = ScoreSheet.totals(
      request: request, nodes: nodes, feasible: feasible, strategy: strategy)
    var best = 0
    var tied = 1
    if nodesInNameOrder {
      // `feasible` ascends, so the first of the tied slots is the one whose name sorts first.
      for slot in 1..<feasible.count {
        let total = totals[slot]
        if total > totals[best] {
          best = slot
          tied = 1
        } else if total == totals[best] {
          tied += 1
        }
      }
    } else {
      nodes.withUnsafeBufferPointer { nodes in
        for slot in 1..<feasible.count {
          let total = totals[slot]
          if total > totals[best] {
            best = slot
            tied = 1
          } else if total == totals[best] {
            tied += 1
            if Self.precedes(nodes[feasible[slot]].node.name, nodes[feasible[best]].node.name) {
              best = slot
            }
          }
        }
      }
    }
    var tiedNames: [String] = []
    if tied > 1 && reportsTies {
      for slot in feasible.indices where totals[slot] == totals[best] {
        tiedNames.append(nodes[feasible[slot]].node.name)
      }
      if !nodesInNameOrder { tiedNames.sort { Self.precedes($0, $1) } }
    }
    let index = feasible[best]
    return SchedulingResult(
      nodeIndex: index, nodeName: nodes[index].node.name, score: totals[best],
      tiedNodeNames: tiedNames, feasibleNodeCount: feasible.count, message: "")
  }

  /// Every node's verdict, in the order given: the filters that reject it, or its scores.
  public func explain(_ request: SchedulingRequest, nodes: [NodeState]) -> [NodeVerdict] {
    let cycle = SchedulingCycle(request: request, nodes: nodes)
    let failures = nodes.map { state in
      cycle.rejections(for: state).map { $0.failure(node: state, request: request) }
    }
    let feasible = nodes.indices.filter { failures[$0].isEmpty }
    let sheet = ScoreSheet(request: request, nodes: nodes, feasible: feasible, strategy: strategy)
    var slots: [Int: Int] = [:]
    for (slot, index) in feasible.enumerated() { slots[index] = slot }
    return nodes.indices.map { index in
      guard let slot = slots[index] else {
        return NodeVerdict(
          nodeName: nodes[index].node.name, failures: failures[index], scores: [],
          totalScore: nil)
      }
      let scores = SchedulingPlugin.scoring.enumerated().map { position, plugin in
        PluginScore(
          plugin: plugin, raw: sheet.raw[position][slot],
          normalized: sheet.normalized[position][slot])
      }
      return NodeVerdict(
        nodeName: nodes[index].node.name, failures: [], scores: scores,
        totalScore: sheet.totals[slot])
    }
  }

  /// Byte order, as Go compares strings, so ties break the same on every platform: the
  /// UTF-8 bytes compared with `memcmp` where the string stores them contiguously.
  static func precedes(_ lhs: String, _ rhs: String) -> Bool {
    let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
      rhs.utf8.withContiguousStorageIfAvailable { right -> Bool in
        let common = min(left.count, right.count)
        if common > 0 {
          let order = memcmp(left.baseAddress!, right.baseAddress!, common)
          if order != 0 { return order < 0 }
        }
        return left.count < right.count
      }
    }
    if let contiguous = fast, let result = contiguous { return result }
    return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
  }

  /// The FitError, built only when nothing fits, with the preemption sentence upstream's
  /// DefaultPreemption PostFilter adds when no eviction of lower-priority pods would help.
  private func unschedulable(_ cycle: SchedulingCycle, nodes: [NodeState]) -> SchedulingResult {
    var fitError = FitError(nodeCount: nodes.count)
    var rejections: [NodeRejection] = []
    rejections.reserveCapacity(nodes.count)
    for state in nodes {
      let rejection = cycle.rejection(for: state) ?? .nodeAffinity
      rejections.append(rejection)
      fitError.count(rejection.reasons(node: state, request: cycle.request))
    }
    let preemption = Preemption(cycle: cycle, nodes: nodes, rejections: rejections)
    var message = fitError.message
    if preemption.candidates.isEmpty {
      message += " preemption: " + preemption.fitError.message
    }
    return SchedulingResult(
      nodeIndex: nil, nodeName: nil, score: nil, tiedNodeNames: [], feasibleNodeCount: 0,
      message: message, preemptionCandidates: preemption.candidates)
  }
}
