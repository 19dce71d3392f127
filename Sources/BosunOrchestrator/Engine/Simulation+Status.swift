import BosunModel

/// What a plan step is waiting for.
struct DoneCheck {
  var done: Bool
  var failure: String?
  var waitingFor: String?
}

// Workload status as `kubectl rollout status` and kapp's done-checks read it.
extension Simulation {
  /// Whether a step's object is ready; `describing` adds what it waits for (costly: it counts
  /// the workload's pods).
  func doneCheck(for step: RehearsalPlan.Step, describing: Bool = false) -> DoneCheck {
    let identity = step.identity
    let key = WorkloadKey(
      kind: identity.kind, namespace: identity.namespace ?? "default", name: identity.name ?? "")
    if step.operation == "delete" {
      let gone: Bool
      switch identity.kind {
      case "Deployment": gone = deployments[key] == nil
      case "StatefulSet": gone = statefulSets[key] == nil
      case "DaemonSet": gone = daemonSets[key] == nil
      case "Job": gone = jobs[key] == nil
      case "Pod": gone = standalonePods[key] == nil && podIDs(of: .standalone(key)).isEmpty
      case "Namespace": gone = namespaceIsEmpty(identity.name ?? "")
      default: gone = true
      }
      return DoneCheck(done: gone, waitingFor: gone ? nil : "deletion to finish")
    }
    var progress: String?
    if describing {
      let counts = self.counts(of: key)
      progress =
        "\(counts.updated)/\(counts.desired) updated, \(counts.available)/\(counts.desired) available"
    }
    switch identity.kind {
    case "Deployment":
      guard let state = deployments[key] else { return DoneCheck(done: true) }
      if let at = state.deadlineExceededAt {
        return DoneCheck(
          done: false,
          failure: "progress deadline of \(state.summary.progressDeadlineSeconds ?? 0)s exceeded "
            + "at \(HumanDuration.text(at))",
          waitingFor: progress)
      }
      return DoneCheck(done: state.completedAt != nil, waitingFor: progress)
    case "StatefulSet":
      return DoneCheck(done: statefulSets[key]?.completedAt != nil, waitingFor: progress)
    case "DaemonSet":
      return DoneCheck(done: daemonSets[key]?.completedAt != nil, waitingFor: progress)
    case "Job":
      guard let state = jobs[key] else { return DoneCheck(done: true) }
      switch state.outcome {
      case .complete?: return DoneCheck(done: true)
      case .failed(let reason)?:
        return DoneCheck(done: false, failure: "Job failed: \(reason.rawValue)")
      case nil:
        let target = state.summary.completions.map(String.init) ?? "1"
        return DoneCheck(done: false, waitingFor: "\(state.succeeded)/\(target) succeeded")
      }
    case "Pod":
      guard let id = standalonePods[key], let pod = pods[id] else { return DoneCheck(done: true) }
      if pod.phase == .failed { return DoneCheck(done: false, failure: "pod failed") }
      return DoneCheck(done: pod.ready || pod.phase == .succeeded, waitingFor: "pod ready")
    default:
      return DoneCheck(done: true)
    }
  }

  /// Replica counts of a workload: desired, updated (current template), ready, available and
  /// every pod including terminating ones.
  func counts(of key: WorkloadKey) -> Recorder.Counts {
    var counts = Recorder.Counts()
    func tally(_ ids: [Int], minReady: Int, isUpdated: (SimPod) -> Bool) {
      for id in ids {
        guard let pod = pods[id] else { continue }
        counts.total += 1
        guard pod.isActive else { continue }
        if isUpdated(pod) { counts.updated += 1 }
        if pod.ready { counts.ready += 1 }
        if pod.isAvailable(at: now, minReadySeconds: minReady) { counts.available += 1 }
      }
    }
    switch key.kind {
    case "Deployment":
      guard let state = deployments[key] else { return counts }
      counts.desired = state.deleted ? 0 : state.summary.replicas
      for rsID in state.replicaSetIDs {
        let current = replicaSets[rsID].blueprint.templateHash == state.blueprint.templateHash
        tally(podIDs(of: .replicaSet(rsID)), minReady: state.summary.minReadySeconds) { _ in
          current
        }
      }
    case "StatefulSet":
      guard let state = statefulSets[key] else { return counts }
      counts.desired = state.deleted ? 0 : state.summary.replicas
      tally(podIDs(of: .statefulSet(key)), minReady: state.summary.minReadySeconds) {
        $0.revision == state.summary.updateRevision
      }
    case "DaemonSet":
      guard let state = daemonSets[key] else { return counts }
      counts.desired = state.deleted ? 0 : state.desiredNumberScheduled
      tally(podIDs(of: .daemonSet(key)), minReady: state.summary.minReadySeconds) {
        $0.revision == state.summary.updateRevision
      }
    case "Job":
      guard let state = jobs[key] else { return counts }
      counts.desired = state.outcome == nil ? state.summary.parallelism : 0
      tally(podIDs(of: .job(key)), minReady: 0) { _ in true }
    default:
      break
    }
    return counts
  }

  /// Requests of `pods` pods of a workload's current template: what a surge asks of the nodes.
  func surgeRequests(of key: WorkloadKey, pods count: Int) -> ResourceList {
    let blueprint: PodBlueprint?
    switch key.kind {
    case "Deployment": blueprint = deployments[key]?.blueprint
    case "StatefulSet":
      blueprint = statefulSets[key].flatMap { $0.blueprints[$0.summary.updateRevision] }
    case "DaemonSet":
      blueprint = daemonSets[key].flatMap { $0.blueprints[$0.summary.updateRevision] }
    case "Job": blueprint = jobs[key]?.blueprint
    default: blueprint = nil
    }
    guard let requests = blueprint?.requests.requests else { return .zero }
    var total = ResourceList.zero
    for _ in 0..<max(0, count) { total += requests }
    return total
  }

  /// The pods of a workload, for stall reasons.
  func podsOf(_ key: WorkloadKey) -> [SimPod] {
    var ids: [Int] = []
    switch key.kind {
    case "Deployment":
      for rsID in deployments[key]?.replicaSetIDs ?? [] { ids += podIDs(of: .replicaSet(rsID)) }
    case "StatefulSet": ids = podIDs(of: .statefulSet(key))
    case "DaemonSet": ids = podIDs(of: .daemonSet(key))
    case "Job": ids = podIDs(of: .job(key))
    case "Pod": ids = standalonePods[key].map { [$0] } ?? []
    default: break
    }
    return ids.compactMap { pods[$0] }
  }

  /// Why a workload has not finished: the scheduler's message for a pending pod, a crash
  /// loop, a readiness probe that does not pass, or pods that are still terminating.
  func stallReason(of key: WorkloadKey) -> (reason: String, since: Double) {
    let pods = podsOf(key).filter(\.isActive)
    if let pending = pods.filter({ $0.unschedulableMessage != nil }).min(by: {
      ($0.unschedulableSince ?? 0) < ($1.unschedulableSince ?? 0)
    }) {
      let count = pods.filter { $0.unschedulableMessage != nil }.count
      return (
        "\(count) pod\(count == 1 ? "" : "s") Pending: \(pending.unschedulableMessage ?? "")",
        pending.unschedulableSince ?? now
      )
    }
    if let crashing = pods.first(where: { $0.waitingReason == "CrashLoopBackOff" }) {
      return (
        "pod \(crashing.name) in CrashLoopBackOff (\(crashing.restarts) restarts)",
        crashing.createdAt
      )
    }
    if let unready = pods.filter({ $0.started && !$0.ready }).min(by: {
      $0.createdAt < $1.createdAt
    }) {
      return ("pod \(unready.name) is running but never becomes Ready", unready.createdAt)
    }
    if let starting = pods.first(where: { !$0.started && $0.nodeIndex != nil }) {
      return ("pod \(starting.name) has not started", starting.createdAt)
    }
    let stuck = podsOf(key).filter(\.terminating)
    if let first = stuck.first {
      return (
        "\(stuck.count) pod\(stuck.count == 1 ? "" : "s") stuck Terminating on an unreachable "
          + "node", first.deletedAt ?? now
      )
    }
    return ("the controller makes no further progress", now)
  }
}
