import BosunModel

/// A `kubectl drain` in progress.
struct DrainState {
  /// Which fault started it.
  var faultIndex: Int
  /// Pods whose eviction was refused, with the refusal.
  var blocked: [Int: String] = [:]
}

// Faults: a node that stops answering, and a drain that honours PodDisruptionBudgets.
extension Simulation {
  // mirrors kube-controller-manager --node-monitor-grace-period (50 s since 1.29, was 40 s)
  /// How long the node lifecycle controller waits for an unresponsive kubelet.
  static let nodeMonitorGracePeriod = 50.0
  // mirrors plugin/pkg/admission/defaulttolerationseconds: 300 s for not-ready and unreachable
  /// How long pods tolerate `node.kubernetes.io/unreachable:NoExecute` unless they say.
  static let defaultUnreachableTolerationSeconds = 300.0
  // mirrors kubectl drain: evictions refused with 429 are retried every 5 seconds
  /// Pause between a drain's eviction retries.
  static let drainRetrySeconds = 5.0

  func inject(_ fault: ScenarioKnobs.Fault) {
    guard let index = nodeIndexByName[fault.node] else {
      diagnostics.append(
        .init(
          .warning, code: "simulate.unknown-node",
          message: "the scenario's \(fault.kind.rawValue) names node \(fault.node), which the snapshot "
            + "does not have; nothing happens"))
      return
    }
    let displaced = (pods.indices).filter { pods[$0]?.nodeIndex == index && pods[$0]!.isActive }
    faultOutcomes.append(
      FaultOutcome(
        kind: fault.kind == .drain ? .drain : .nodeFailure, node: fault.node, at: now,
        displacedPods: displaced.compactMap { pods[$0].map { "\($0.namespace)/\($0.name)" } }
          .sorted()))
    let owners = Set(displaced.compactMap { pods[$0]?.owner })
    recorder.trackHealing(
      faultIndex: faultOutcomes.count - 1, owners: owners, displaced: displaced)
    switch fault.kind {
    case .nodeFailure:
      nodes[index].node.ready = false
      recorder.event(
        at: now, object: "Node/\(fault.node)", reason: "NodeFailure",
        message: "node stops answering (scenario fault)")
      // Its kubelet is gone: the pods' pending transitions never happen.
      for id in displaced { pods[id]?.attempt += 1 }
      clusterChanged = true
      queue.schedule(.nodeUnreachable(node: index), at: now + Self.nodeMonitorGracePeriod)
    case .drain:
      nodes[index].node.unschedulable = true
      clusterChanged = true
      recorder.event(
        at: now, object: "Node/\(fault.node)", reason: "NodeNotSchedulable",
        message: "node cordoned for drain")
      drains[index] = DrainState(faultIndex: faultOutcomes.count - 1)
      continueDrain(index)
    }
  }

  /// The node lifecycle controller marks the node Unknown and its pods not ready, then evicts
  /// them when their toleration of `node.kubernetes.io/unreachable` runs out.
  func markNodeUnreachable(_ index: Int) {
    recorder.event(
      at: now, object: "Node/\(nodes[index].node.name)", reason: "NodeNotReady",
      message: "Node is not ready; its pods are marked not ready")
    var earliest: Double?
    for id in pods.indices {
      guard var pod = pods[id], pod.nodeIndex == index, pod.isActive else { continue }
      pod.ready = false
      pods[id] = pod
      notifyOwner(of: pod)
      if let seconds = unreachableToleration(of: pod) {
        earliest = min(earliest ?? seconds, seconds)
      }
    }
    if let earliest { queue.schedule(.evictUnreachable(node: index), at: now + earliest) }
  }

  /// Seconds a pod tolerates an unreachable node, or nil for ever (DaemonSet pods).
  private func unreachableToleration(of pod: SimPod) -> Double? {
    if case .daemonSet? = pod.owner { return nil }
    let taint = ClusterNode.Taint(key: "node.kubernetes.io/unreachable", effect: "NoExecute")
    guard let toleration = pod.blueprint.spec.tolerations.first(where: { $0.tolerates(taint) })
    else { return Self.defaultUnreachableTolerationSeconds }
    return toleration.tolerationSeconds.map { Double(max(0, $0)) }
  }

  func evictUnreachablePods(_ index: Int) {
    let since = (faultOutcomes.last { $0.node == nodes[index].node.name })?.at ?? 0
    for id in pods.indices {
      guard let pod = pods[id], pod.nodeIndex == index, pod.isActive,
        let seconds = unreachableToleration(of: pod),
        now >= since + Self.nodeMonitorGracePeriod + seconds - 1e-9
      else { continue }
      recorder.event(
        at: now, object: "Pod/\(pod.namespace)/\(pod.name)", reason: "TaintManagerEviction",
        message: "Marking for deletion Pod \(pod.namespace)/\(pod.name)")
      deletePod(id, reason: "TaintManagerEviction")
    }
  }

  /// Evicts what is left on a draining node (DaemonSet pods stay, as with
  /// `--ignore-daemonsets`); refused evictions are retried.
  func continueDrain(_ index: Int) {
    guard var drain = drains[index] else { return }
    var remaining = false
    var evictedNow: [Int] = []
    for id in pods.indices {
      guard let pod = pods[id], pod.nodeIndex == index, pod.isActive else { continue }
      if case .daemonSet? = pod.owner { continue }
      if let refusal = evictionRefusal(for: pod, alsoEvicted: evictedNow) {
        if drain.blocked[id] == nil {
          faultOutcomes[drain.faultIndex].blockedEvictions.append(
            FaultOutcome.BlockedEviction(
              pod: "\(pod.namespace)/\(pod.name)", budget: refusal.budget, at: now,
              message: refusal.message))
          recorder.event(
            at: now, object: "Pod/\(pod.namespace)/\(pod.name)", reason: "EvictionBlocked",
            message: refusal.message)
        }
        drain.blocked[id] = refusal.message
        remaining = true
        continue
      }
      drain.blocked[id] = nil
      evictedNow.append(id)
      recorder.event(
        at: now, object: "Pod/\(pod.namespace)/\(pod.name)", reason: "Evicted",
        message: "evicted by drain of \(nodes[index].node.name)")
      deletePod(id, reason: "Evicted")
    }
    drains[index] = drain
    if remaining { queue.schedule(.drainRetry(node: index), at: now + Self.drainRetrySeconds) }
  }
}

// The eviction API's check against PodDisruptionBudgets.
extension Simulation {
  /// Why an eviction would be refused, or nil when it is allowed. `alsoEvicted` are pods
  /// evicted earlier in the same pass, which no longer count as healthy.
  func evictionRefusal(for pod: SimPod, alsoEvicted: [Int]) -> (budget: String, message: String)? {
    let evicted = Set(alsoEvicted)
    let budgets = disruptionBudgets.filter { key, budget in
      key.namespace == pod.namespace && budget.selector.map { !$0.isEmpty } == true
        && LabelSelector.matches(budget.selector, pod.labels)
    }.sorted { $0.key < $1.key }
    let summaries = budgets.map { _, budget in
      var matching = 0
      var healthy = 0
      var owners: Set<SimPod.Owner> = []
      for candidate in pods {
        guard let candidate, candidate.namespace == pod.namespace, candidate.isActive,
          LabelSelector.matches(budget.selector, candidate.labels)
        else { continue }
        matching += 1
        if candidate.ready && !evicted.contains(candidate.id) { healthy += 1 }
        if let owner = candidate.owner { owners.insert(owner) }
      }
      return DisruptionBudgetSummary(
        budget, matchingPods: matching, expectedScale: expectedScale(of: owners, matching),
        healthy: healthy)
    }
    let verdict = Disruption.evictionAllowed(
      podPhase: pod.phase.rawValue, podReady: pod.ready, podTerminating: pod.terminating,
      budgets: summaries)
    if case .rejected(_, _, let message, let cause) = verdict {
      let budget = budgets.first.map { "\($0.key.namespace)/\($0.key.name)" } ?? ""
      return (budget, cause.map { "\(message) \($0)" } ?? message)
    }
    return nil
  }

  /// The number of pods the owners of a budget's pods want (mirrors
  /// pkg/controller/disruption/disruption.go getExpectedScale).
  private func expectedScale(of owners: Set<SimPod.Owner>, _ matching: Int) -> Int {
    var total = 0
    var counted: Set<WorkloadKey> = []
    for owner in owners {
      switch owner {
      case .replicaSet(let id):
        if let deployment = replicaSets[id].deployment {
          if counted.insert(deployment).inserted {
            total += deployments[deployment]?.summary.replicas ?? 0
          }
        } else {
          total += replicaSets[id].specReplicas
        }
      case .statefulSet(let key): total += statefulSets[key]?.summary.replicas ?? 0
      case .daemonSet(let key): total += daemonSets[key]?.desiredNumberScheduled ?? 0
      case .job, .standalone: total += 1
      }
    }
    return owners.isEmpty ? matching : total
  }
}
