/// Pods per domain that the inter-pod affinity filter needs, counted once per scheduling
/// attempt (plugins/interpodaffinity/filtering.go `PreFilter`).
struct InterPodAffinityCounts: Sendable {
  /// Domains holding a resident whose required anti-affinity selects the incoming pod.
  private var existingAntiAffinity: [TopologyPair: Int] = [:]
  /// Domains holding residents that match all of the incoming pod's required affinity terms.
  private var affinity: [TopologyPair: Int] = [:]
  /// Domains holding residents that one of the incoming pod's anti-affinity terms selects.
  private var antiAffinity: [TopologyPair: Int] = [:]
  private var affinityTerms: [PodAffinityTerm]
  private var antiAffinityTerms: [PodAffinityTerm]
  private var matchesOwnAffinity: Bool

  /// Nil when neither the pod nor any resident has required inter-pod terms.
  init?(request: SchedulingRequest, nodes: [NodeState]) {
    affinityTerms = request.constraints.requiredAffinity
    antiAffinityTerms = request.constraints.requiredAntiAffinity
    let incoming = !affinityTerms.isEmpty || !antiAffinityTerms.isEmpty
    let symmetric = nodes.withUnsafeBufferPointer { nodes in
      nodes.indices.contains { nodes[$0].residentsWithRequiredAntiAffinity > 0 }
    }
    guard incoming || symmetric else { return nil }
    matchesOwnAffinity = affinityTerms.allSatisfy {
      $0.matches(
        namespace: request.namespace, labels: request.labels, ownNamespace: request.namespace)
    }
    for state in nodes {
      if state.residentsWithRequiredAntiAffinity > 0 { countExisting(on: state, request) }
      if incoming { countIncoming(on: state, request) }
    }
  }

  private mutating func countExisting(on state: NodeState, _ request: SchedulingRequest) {
    for resident in state.residents where !resident.constraints.requiredAntiAffinity.isEmpty {
      for term in resident.constraints.requiredAntiAffinity
      where term.matches(
        namespace: request.namespace, labels: request.labels, ownNamespace: resident.namespace)
      {
        if let value = state.node.labels[term.topologyKey] {
          existingAntiAffinity[TopologyPair(key: term.topologyKey, value: value), default: 0] += 1
        }
      }
    }
  }

  private mutating func countIncoming(on state: NodeState, _ request: SchedulingRequest) {
    let labels = state.node.labels
    for resident in state.residents {
      // An existing pod counts for affinity only when it matches every term.
      if !affinityTerms.isEmpty
        && affinityTerms.allSatisfy({
          $0.matches(
            namespace: resident.namespace, labels: resident.labels,
            ownNamespace: request.namespace)
        })
      {
        for term in affinityTerms {
          if let value = labels[term.topologyKey] {
            affinity[TopologyPair(key: term.topologyKey, value: value), default: 0] += 1
          }
        }
      }
      for term in antiAffinityTerms
      where term.matches(
        namespace: resident.namespace, labels: resident.labels, ownNamespace: request.namespace)
      {
        if let value = labels[term.topologyKey] {
          antiAffinity[TopologyPair(key: term.topologyKey, value: value), default: 0] += 1
        }
      }
    }
  }

  /// The filter, in upstream's order: the pod's affinity, its anti-affinity, then the
  /// residents' anti-affinity towards it.
  func rejection(for node: SimNode) -> NodeRejection? {
    if !satisfiesAffinity(node) { return .podAffinity }
    if !antiAffinity.isEmpty {
      for term in antiAffinityTerms {
        if let value = node.labels[term.topologyKey],
          antiAffinity[TopologyPair(key: term.topologyKey, value: value), default: 0] > 0
        {
          return .podAntiAffinity
        }
      }
    }
    if !existingAntiAffinity.isEmpty {
      for (key, value) in node.labels
      where existingAntiAffinity[TopologyPair(key: key, value: value), default: 0] > 0 {
        return .existingAntiAffinity
      }
    }
    return nil
  }

  private func satisfiesAffinity(_ node: SimNode) -> Bool {
    var podsExist = true
    for term in affinityTerms {
      // Every topology key must be on the node.
      guard let value = node.labels[term.topologyKey] else { return false }
      if affinity[TopologyPair(key: term.topologyKey, value: value), default: 0] <= 0 {
        podsExist = false
      }
    }
    if podsExist { return true }
    // The first pod of a group with affinity to itself: allowed when no pod anywhere matches
    // and the pod matches its own terms.
    return affinity.isEmpty && matchesOwnAffinity
  }
}
