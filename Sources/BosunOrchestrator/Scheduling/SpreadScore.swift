import Foundation

/// PodTopologySpread's scores for ScheduleAnyway constraints
/// (plugins/podtopologyspread/scoring.go): a node scores `Σ count(domain) × log(domains + 2) +
/// (maxSkew − 1)`, and fewer matching pods normalise to a higher score.
///
/// The system default constraints (hostname skew 3, zone skew 5), which upstream derives from
/// the Services and controllers selecting the pod, are not applied.
struct SpreadScore: Sendable {
  private(set) var raw: [Int64]
  private(set) var normalized: [Int64]

  static let hostnameKey = "kubernetes.io/hostname"

  init(request: SchedulingRequest, nodes: [NodeState], feasible: [Int]) {
    let count = feasible.count
    raw = [Int64](repeating: 0, count: count)
    normalized = raw
    let constraints = request.constraints.topologySpread.filter {
      $0.whenUnsatisfiable == .scheduleAnyway
    }
    guard !constraints.isEmpty else { return }
    func hasAllKeys(_ node: SimNode) -> Bool {
      constraints.allSatisfy { node.labels[$0.topologyKey] != nil }
    }
    // Feasible nodes lacking a key are ignored; the rest define the domains to count.
    var ignored = [Bool](repeating: false, count: count)
    var pairCounts: [TopologyPair: Int] = [:]
    var domainSizes = [Int](repeating: 0, count: constraints.count)
    for (slot, index) in feasible.enumerated() {
      let node = nodes[index].node
      guard hasAllKeys(node) else {
        ignored[slot] = true
        continue
      }
      for (position, constraint) in constraints.enumerated()
      where constraint.topologyKey != Self.hostnameKey {
        let pair = TopologyPair(
          key: constraint.topologyKey, value: node.labels[constraint.topologyKey] ?? "")
        if pairCounts[pair] == nil {
          pairCounts[pair] = 0
          domainSizes[position] += 1
        }
      }
    }
    let ignoredCount = ignored.filter { $0 }.count
    let weights = constraints.enumerated().map { position, constraint in
      let size =
        constraint.topologyKey == Self.hostnameKey ? count - ignoredCount : domainSizes[position]
      return log(Double(size + 2))
    }
    let pod = request.constraints
    for state in nodes where hasAllKeys(state.node) {
      for constraint in constraints where constraint.topologyKey != Self.hostnameKey {
        if constraint.honorsNodeAffinity && !pod.matchesNodeAffinity(state.node) { continue }
        if constraint.honorsNodeTaints && pod.firstUntoleratedTaint(on: state.node) != nil {
          continue
        }
        let pair = TopologyPair(
          key: constraint.topologyKey, value: state.node.labels[constraint.topologyKey] ?? "")
        guard pairCounts[pair] != nil else { continue }
        pairCounts[pair, default: 0] += Self.matching(state, constraint, request.namespace)
      }
    }
    for (slot, index) in feasible.enumerated() where !ignored[slot] {
      let state = nodes[index]
      var score = 0.0
      for (position, constraint) in constraints.enumerated() {
        guard let value = state.node.labels[constraint.topologyKey] else { continue }
        let matching =
          constraint.topologyKey == Self.hostnameKey
          ? Self.matching(state, constraint, request.namespace)
          : pairCounts[TopologyPair(key: constraint.topologyKey, value: value), default: 0]
        score += Double(matching) * weights[position] + Double(constraint.maxSkew - 1)
      }
      raw[slot] = Int64(score.rounded())
    }
    var lowest = Int64.max
    var highest: Int64 = 0
    for slot in 0..<count where !ignored[slot] {
      lowest = min(lowest, raw[slot])
      highest = max(highest, raw[slot])
    }
    for slot in 0..<count {
      if ignored[slot] {
        normalized[slot] = 0
      } else if highest == 0 {
        normalized[slot] = ScoreSheet.maxNodeScore
      } else {
        normalized[slot] = ScoreSheet.maxNodeScore * (highest + lowest - raw[slot]) / highest
      }
    }
  }

  private static func matching(
    _ state: NodeState, _ constraint: TopologySpreadConstraint, _ namespace: String
  ) -> Int {
    var matching = 0
    for resident in state.residents
    where !resident.terminating && resident.namespace == namespace
      && constraint.counts(resident.labels)
    {
      matching += 1
    }
    return matching
  }
}
