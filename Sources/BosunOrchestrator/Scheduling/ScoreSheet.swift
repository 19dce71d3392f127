import Foundation

/// The scores of the nodes that passed every filter, plugin by plugin, normalised as upstream
/// normalises them (pkg/scheduler/framework/runtime/framework.go `RunScorePlugins`).
struct ScoreSheet: Sendable {
  /// For each plugin of `SchedulingPlugin.scoring`, the raw scores of the feasible nodes.
  private(set) var raw: [[Int64]]
  /// The same after normalisation.
  private(set) var normalized: [[Int64]]
  /// Weighted totals per feasible node.
  private(set) var totals: [Int64]

  static let maxNodeScore: Int64 = 100

  init(
    request: SchedulingRequest, nodes: [NodeState], feasible: [Int], strategy: ScoringStrategy
  ) {
    let count = feasible.count
    raw = []
    normalized = []
    totals = [Int64](repeating: 0, count: count)
    for plugin in SchedulingPlugin.scoring {
      var scores = [Int64](repeating: 0, count: count)
      var final: [Int64]
      switch plugin {
      case .taintToleration:
        for (slot, index) in feasible.enumerated() {
          scores[slot] = Self.intolerablePreferNoSchedule(nodes[index].node, request.constraints)
        }
        final = Self.defaultNormalized(scores, reverse: true)
      case .nodeAffinity:
        // PreScore skips the plugin without preferred terms.
        let terms = request.constraints.preferredNodeTerms
        guard !terms.isEmpty else {
          final = scores
          break
        }
        for (slot, index) in feasible.enumerated() {
          scores[slot] = Self.preferredNodeScore(nodes[index].node, terms)
        }
        final = Self.defaultNormalized(scores, reverse: false)
      case .nodeResourcesFit:
        for (slot, index) in feasible.enumerated() {
          scores[slot] = Self.resourceFitScore(nodes[index].summary, request, strategy)
        }
        final = scores
      case .nodeResourcesBalancedAllocation:
        let wanted = request.requests.requests
        // Best-effort pods are not scored (kubernetes#129138).
        guard wanted.milliCPU != 0 || wanted.memory != 0 else {
          final = scores
          break
        }
        for (slot, index) in feasible.enumerated() {
          scores[slot] = Self.balancedAllocationScore(nodes[index].summary, request)
        }
        final = scores
      case .podTopologySpread:
        let spread = SpreadScore(request: request, nodes: nodes, feasible: feasible)
        scores = spread.raw
        final = spread.normalized
      case .interPodAffinity:
        let affinity = InterPodAffinityScore(request: request, nodes: nodes, feasible: feasible)
        scores = affinity.raw
        final = affinity.normalized
      default:
        final = scores
      }
      for slot in 0..<count { totals[slot] += final[slot] * plugin.weight }
      raw.append(scores)
      normalized.append(final)
    }
  }

  /// The weighted totals alone, as `init` would add them up, for scheduling: each node is
  /// read in place and scored in one pass, and a plugin whose PreScore finds nothing to score
  /// (upstream returns Skip) is not run: it would give every node the same normalised score,
  /// which is added as a constant so that the totals stay the same.
  static func totals(
    request: SchedulingRequest, nodes: [NodeState], feasible: [Int], strategy: ScoringStrategy
  ) -> [Int64] {
    let count = feasible.count
    var totals = [Int64](repeating: 0, count: count)
    let constraints = request.constraints
    let wanted = request.requests.requests
    // Best-effort pods are not scored (kubernetes#129138).
    let balances = wanted.milliCPU != 0 || wanted.memory != 0
    let preferredTerms = constraints.preferredNodeTerms
    var taintCounts: [Int64] = []
    var affinityScores: [Int64] =
      preferredTerms.isEmpty ? [] : [Int64](repeating: 0, count: count)
    nodes.withUnsafeBufferPointer { nodes in
      for slot in 0..<count {
        let index = feasible[slot]
        let summary = nodes[index].summary
        var total =
          resourceFitScore(summary, request, strategy) * SchedulingPlugin.nodeResourcesFit.weight
        if balances {
          total +=
            balancedAllocationScore(summary, request)
            * SchedulingPlugin.nodeResourcesBalancedAllocation.weight
        }
        totals[slot] = total
        if summary.hasTaints {
          let taints = intolerablePreferNoSchedule(nodes[index].node, constraints)
          if taints != 0 {
            if taintCounts.isEmpty { taintCounts = [Int64](repeating: 0, count: count) }
            taintCounts[slot] = taints
          }
        }
        if !preferredTerms.isEmpty {
          affinityScores[slot] = preferredNodeScore(nodes[index].node, preferredTerms)
        }
      }
    }
    // TaintToleration: with no untolerated PreferNoSchedule taint anywhere, every node
    // normalises to the maximum.
    let taintWeight = SchedulingPlugin.taintToleration.weight
    if taintCounts.isEmpty {
      for slot in 0..<count { totals[slot] += maxNodeScore * taintWeight }
    } else {
      let final = defaultNormalized(taintCounts, reverse: true)
      for slot in 0..<count { totals[slot] += final[slot] * taintWeight }
    }
    // NodeAffinity: PreScore skips the plugin without preferred terms (all 0).
    if !preferredTerms.isEmpty {
      let final = defaultNormalized(affinityScores, reverse: false)
      let weight = SchedulingPlugin.nodeAffinity.weight
      for slot in 0..<count { totals[slot] += final[slot] * weight }
    }
    // PodTopologySpread: without ScheduleAnyway constraints every node scores 0.
    if constraints.topologySpread.contains(where: { $0.whenUnsatisfiable == .scheduleAnyway }) {
      let spread = SpreadScore(request: request, nodes: nodes, feasible: feasible)
      let weight = SchedulingPlugin.podTopologySpread.weight
      for slot in 0..<count { totals[slot] += spread.normalized[slot] * weight }
    }
    // InterPodAffinity: without preferred terms on the pod or inter-pod terms on any resident
    // there are no domains to credit, and every node scores 0.
    let hasPreferred =
      !constraints.preferredAffinity.isEmpty
      || !constraints.preferredAntiAffinity.isEmpty
    let residentTerms = nodes.withUnsafeBufferPointer { nodes in
      nodes.indices.contains { nodes[$0].residentsWithAffinity > 0 }
    }
    if hasPreferred || residentTerms {
      let affinity = InterPodAffinityScore(request: request, nodes: nodes, feasible: feasible)
      let weight = SchedulingPlugin.interPodAffinity.weight
      for slot in 0..<count { totals[slot] += affinity.normalized[slot] * weight }
    }
    return totals
  }

  /// NodeAffinity's raw score: the weights of the preferred terms the node matches.
  static func preferredNodeScore(
    _ node: borrowing SimNode, _ terms: [SchedulingConstraints.PreferredNodeTerm]
  ) -> Int64 {
    var score: Int64 = 0
    for preferred in terms where preferred.weight != 0 {
      if preferred.term.matches(labels: node.labels, name: node.name) {
        score += Int64(preferred.weight)
      }
    }
    return score
  }

  /// `DefaultNormalizeScore` (plugins/helper/normalize_score.go): scale to 0–100 by the
  /// largest score, optionally reversed; all zeros stay 0 (or 100 reversed).
  static func defaultNormalized(_ scores: [Int64], reverse: Bool) -> [Int64] {
    let largest = scores.max() ?? 0
    if largest == 0 {
      return reverse ? scores.map { _ in maxNodeScore } : scores
    }
    return scores.map {
      let scaled = maxNodeScore * $0 / largest
      return reverse ? maxNodeScore - scaled : scaled
    }
  }

  /// TaintToleration's raw score: PreferNoSchedule taints not tolerated by a toleration with
  /// that effect or none.
  static func intolerablePreferNoSchedule(
    _ node: borrowing SimNode, _ pod: SchedulingConstraints
  ) -> Int64 {
    var count: Int64 = 0
    for taint in node.taints where taint.effect == "PreferNoSchedule" {
      let tolerated = pod.tolerations.contains {
        ($0.effect ?? "").isEmpty || $0.effect == "PreferNoSchedule" ? $0.tolerates(taint) : false
      }
      if !tolerated { count += 1 }
    }
    return count
  }

  /// NodeResourcesFit's score over cpu and memory (weight 1 each), from the non-zero requests
  /// (plugins/noderesources/least_allocated.go, most_allocated.go). A resource the node has
  /// none of is left out.
  static func resourceFitScore(
    _ node: NodeSummary, _ request: SchedulingRequest, _ strategy: ScoringStrategy
  ) -> Int64 {
    var total: Int64 = 0
    var weights: Int64 = 0
    func add(_ requested: Int64, _ capacity: Int64) {
      guard capacity != 0 else { return }
      switch strategy {
      case .leastAllocated:
        total += requested > capacity ? 0 : (capacity - requested) * maxNodeScore / capacity
      case .mostAllocated:
        total += min(requested, capacity) * maxNodeScore / capacity
      }
      weights += 1
    }
    add(
      node.nonZeroRequestedMilliCPU + request.requests.nonZeroRequests.milliCPU,
      node.allocatableMilliCPU)
    add(
      node.nonZeroRequestedMemory + request.requests.nonZeroRequests.memory,
      node.allocatableMemory)
    return weights == 0 ? 0 : total / weights
  }

  /// NodeResourcesBalancedAllocation: `(1 − std(fractions)) × 100` over cpu and memory, from
  /// the real requests, each fraction capped at 1; with two resources the deviation is
  /// `|f_cpu − f_memory| / 2` (plugins/noderesources/balanced_allocation.go).
  static func balancedAllocationScore(
    _ node: NodeSummary, _ request: SchedulingRequest
  ) -> Int64 {
    let cpuRequest = request.requests.requests.milliCPU
    let memoryRequest = request.requests.requests.memory
    let cpuAllocatable = node.allocatableMilliCPU
    let memoryAllocatable = node.allocatableMemory
    guard cpuAllocatable != 0, memoryAllocatable != 0 else { return maxNodeScore }
    let cpu = min(Double(node.requestedMilliCPU + cpuRequest) / Double(cpuAllocatable), 1)
    let memory = min(Double(node.requestedMemory + memoryRequest) / Double(memoryAllocatable), 1)
    let deviation = abs((cpu - memory) / 2)
    return Int64((1 - deviation) * Double(maxNodeScore))
  }
}
