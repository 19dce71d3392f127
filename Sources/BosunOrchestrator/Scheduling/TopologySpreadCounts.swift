/// Matching pods per domain for the incoming pod's DoNotSchedule spread constraints, counted
/// once per scheduling attempt (plugins/podtopologyspread/filtering.go `calPreFilterState`).
struct TopologySpreadCounts: Sendable {
  private var constraints: [TopologySpreadConstraint]
  private var domainCounts: [[String: Int]]
  private var minimums: [Int]

  /// Nil when the pod has no DoNotSchedule constraint.
  init?(request: SchedulingRequest, nodes: [NodeState]) {
    let constraints = request.constraints.topologySpread.filter {
      $0.whenUnsatisfiable == .doNotSchedule
    }
    guard !constraints.isEmpty else { return nil }
    self.constraints = constraints
    domainCounts = Self.count(
      constraints, namespace: request.namespace, pod: request.constraints, nodes: nodes)
    minimums = zip(constraints, domainCounts).map { constraint, counts in
      // With fewer eligible domains than minDomains the global minimum is taken as 0.
      if counts.count < constraint.minDomains { return 0 }
      return counts.values.min() ?? Int(Int32.max)
    }
  }

  /// Pods matching each constraint, by domain, over the nodes that carry every constraint's
  /// key and pass its node inclusion policies. Terminating pods and other namespaces are
  /// not counted (`countPodsMatchSelector`).
  static func count(
    _ constraints: [TopologySpreadConstraint], namespace: String,
    pod: SchedulingConstraints, nodes: [NodeState]
  ) -> [[String: Int]] {
    var counts = [[String: Int]](repeating: [:], count: constraints.count)
    for state in nodes {
      let node = state.node
      guard constraints.allSatisfy({ node.labels[$0.topologyKey] != nil }) else { continue }
      var affinityMatch: Bool?
      var tainted: Bool?
      for (index, constraint) in constraints.enumerated() {
        if constraint.honorsNodeAffinity {
          if affinityMatch == nil { affinityMatch = pod.matchesNodeAffinity(node) }
          if affinityMatch == false { continue }
        }
        if constraint.honorsNodeTaints {
          if tainted == nil { tainted = pod.firstUntoleratedTaint(on: node) != nil }
          if tainted == true { continue }
        }
        let value = node.labels[constraint.topologyKey] ?? ""
        var matching = 0
        for resident in state.residents
        where !resident.terminating && resident.namespace == namespace
          && constraint.counts(resident.labels)
        {
          matching += 1
        }
        counts[index][value, default: 0] += matching
      }
    }
    return counts
  }

  /// The filter: `matching(domain) + selfMatch − globalMinimum ≤ maxSkew` for every constraint;
  /// a node without a constraint's key fails outright.
  func rejection(for node: SimNode, request: SchedulingRequest) -> NodeRejection? {
    for (index, constraint) in constraints.enumerated() {
      guard let value = node.labels[constraint.topologyKey] else { return .spreadMissingLabel }
      let selfMatch = constraint.matchesSelf(request.labels) ? 1 : 0
      let skew = domainCounts[index][value, default: 0] + selfMatch - minimums[index]
      if skew > constraint.maxSkew { return .spreadSkew }
    }
    return nil
  }
}
