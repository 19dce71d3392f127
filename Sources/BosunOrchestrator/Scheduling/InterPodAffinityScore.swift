/// InterPodAffinity's scores (plugins/interpodaffinity/scoring.go): each domain gains the
/// weights of the incoming pod's preferred terms its pods match (anti-affinity subtracts),
/// plus the residents' terms that select the incoming pod (their required affinity with
/// `hardPodAffinityWeight` 1); a node scores the sum over its domains, scaled to 0–100
/// between the lowest and highest node.
struct InterPodAffinityScore: Sendable {
  private(set) var raw: [Int64]
  private(set) var normalized: [Int64]

  init(request: SchedulingRequest, nodes: [NodeState], feasible: [Int]) {
    raw = [Int64](repeating: 0, count: feasible.count)
    normalized = raw
    let pod = request.constraints
    let hasPreferred = !pod.preferredAffinity.isEmpty || !pod.preferredAntiAffinity.isEmpty
    var domains: [String: [String: Int64]] = [:]
    for state in nodes where hasPreferred || state.residentsWithAffinity > 0 {
      let labels = state.node.labels
      func credit(_ term: PodAffinityTerm, _ weight: Int, _ selects: Bool) {
        guard selects, let value = labels[term.topologyKey] else { return }
        domains[term.topologyKey, default: [:]][value, default: 0] += Int64(weight)
      }
      for resident in state.residents {
        guard hasPreferred || resident.constraints.hasInterPodConstraints else { continue }
        let own = request.namespace
        for term in pod.preferredAffinity {
          credit(
            term, term.weight,
            term.matches(namespace: resident.namespace, labels: resident.labels, ownNamespace: own))
        }
        for term in pod.preferredAntiAffinity {
          credit(
            term, -term.weight,
            term.matches(namespace: resident.namespace, labels: resident.labels, ownNamespace: own))
        }
        let theirs = resident.constraints
        let home = resident.namespace
        for term in theirs.requiredAffinity {
          credit(
            term, 1,
            term.matches(namespace: request.namespace, labels: request.labels, ownNamespace: home))
        }
        for term in theirs.preferredAffinity {
          credit(
            term, term.weight,
            term.matches(namespace: request.namespace, labels: request.labels, ownNamespace: home))
        }
        for term in theirs.preferredAntiAffinity {
          credit(
            term, -term.weight,
            term.matches(namespace: request.namespace, labels: request.labels, ownNamespace: home))
        }
      }
    }
    guard !domains.isEmpty else { return }
    for (slot, index) in feasible.enumerated() {
      let labels = nodes[index].node.labels
      for (key, values) in domains {
        if let value = labels[key] { raw[slot] += values[value, default: 0] }
      }
    }
    guard let lowest = raw.min(), let highest = raw.max() else { return }
    let spread = highest - lowest
    for slot in raw.indices {
      let fraction = spread > 0 ? Double(raw[slot] - lowest) / Double(spread) : 0
      normalized[slot] = Int64(Double(ScoreSheet.maxNodeScore) * fraction)
    }
  }
}
