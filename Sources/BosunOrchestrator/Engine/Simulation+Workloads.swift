import BosunModel

// The StatefulSet, DaemonSet and Job controllers: gather summaries, ask the pure decisions,
// apply them.
extension Simulation {
  /// Background cascading deletion of a deleted workload's pods; true once none is left, when
  /// the workload itself goes.
  private func cascade(_ ids: [Int]) -> Bool {
    for id in ids { deletePod(id) }
    return ids.isEmpty
  }

  // MARK: StatefulSet

  func syncStatefulSet(_ key: WorkloadKey) {
    guard var state = statefulSets[key] else { return }
    touched.insert(key)
    let owner = SimPod.Owner.statefulSet(key)
    let ids = podIDs(of: owner)
    if state.deleted {
      if cascade(ids) { statefulSets[key] = nil }
      return
    }
    let minReady = state.summary.minReadySeconds
    let summaries = ids.compactMap { id -> StatefulPodSummary? in
      guard let pod = pods[id], let ordinal = pod.ordinal else { return nil }
      return StatefulPodSummary(
        ordinal: ordinal, revision: pod.revision, phase: pod.started ? .running : .created,
        ready: pod.ready, available: pod.isAvailable(at: now, minReadySeconds: minReady),
        terminating: pod.terminating, failed: pod.phase == .failed)
    }
    for action in StatefulSetSync.sync(state.summary, pods: summaries) {
      switch action {
      case .create(let ordinal, let revision):
        guard let blueprint = state.blueprints[revision] ?? state.blueprints[state.summary.updateRevision]
        else { continue }
        createPod(
          namespace: key.namespace, name: "\(key.name)-\(ordinal)", owner: owner,
          blueprint: blueprint, revision: revision, ordinal: ordinal,
          labels: [
            "controller-revision-hash": revision,
            "statefulset.kubernetes.io/pod-name": "\(key.name)-\(ordinal)",
            "apps.kubernetes.io/pod-index": String(ordinal),
          ])
        recorder.event(
          at: now, object: "StatefulSet/\(key.namespace)/\(key.name)", reason: "SuccessfulCreate",
          message: "create Pod \(key.name)-\(ordinal) in StatefulSet \(key.name) successful")
      case .delete(let ordinal):
        if let id = ids.first(where: { pods[$0]?.ordinal == ordinal && !(pods[$0]!.terminating) })
        {
          deletePod(id)
        }
      case .createClaim(let name, _):
        if state.claims.insert(name).inserted {
          store.write(
            ObjectStore.Key(
              group: "", resource: "persistentvolumeclaims", namespace: key.namespace, name: name),
            kind: "PersistentVolumeClaim", at: now)
        }
      case .deleteClaim(let name, _):
        state.claims.remove(name)
        store.delete(
          ObjectStore.Key(
            group: "", resource: "persistentvolumeclaims", namespace: key.namespace, name: name))
      }
    }
    let current = StatefulSetSync.currentRevision(state.summary, pods: summaries)
    state.summary.currentRevision = current
    let complete = statefulSetComplete(state, summaries)
    if complete, state.completedAt == nil { state.completedAt = now }
    if complete, state.rolloutCompletedAt == nil { state.rolloutCompletedAt = now }
    if !complete { state.completedAt = nil }
    statefulSets[key] = state
  }

  func statefulSetComplete(_ state: StatefulSetState, _ pods: [StatefulPodSummary]) -> Bool {
    let wanted = state.summary.ordinalRange
    let live = pods.filter { !$0.terminating }
    guard live.count == wanted.count, live.allSatisfy({ wanted.contains($0.ordinal) }) else {
      return false
    }
    guard live.allSatisfy({ $0.ready && $0.available }) else { return false }
    if case .rollingUpdate(let partition, _) = state.summary.updateStrategy {
      return live.allSatisfy {
        $0.ordinal - state.summary.startOrdinal < partition
          || $0.revision == state.summary.updateRevision
      }
    }
    return true
  }

  // MARK: DaemonSet

  func syncDaemonSet(_ key: WorkloadKey) {
    guard var state = daemonSets[key] else { return }
    touched.insert(key)
    let owner = SimPod.Owner.daemonSet(key)
    let ids = podIDs(of: owner)
    if state.deleted {
      if cascade(ids) { daemonSets[key] = nil }
      return
    }
    let minReady = state.summary.minReadySeconds
    var byNode: [Int: [DaemonNodeSummary.Pod]] = [:]
    for id in ids {
      guard let pod = pods[id], let node = pod.pinnedNode else { continue }
      byNode[node, default: []].append(
        DaemonNodeSummary.Pod(
          id: String(id), revision: pod.revision, ready: pod.ready,
          available: pod.isAvailable(at: now, minReadySeconds: minReady),
          terminating: pod.terminating, failed: pod.phase == .failed,
          creationTime: pod.createdAt))
    }
    guard let blueprint = state.blueprints[state.summary.updateRevision] else { return }
    var summaries: [DaemonNodeSummary] = []
    var desired = 0
    for (index, node) in nodes.enumerated() {
      let shouldRun = daemonShouldRun(blueprint, on: node.node)
      if shouldRun { desired += 1 }
      summaries.append(
        DaemonNodeSummary(name: node.node.name, shouldRun: shouldRun, pods: byNode[index] ?? []))
    }
    state.desiredNumberScheduled = desired
    for action in DaemonSetSync.sync(state.summary, nodes: summaries) {
      switch action {
      case .create(let nodeName, let revision):
        guard let index = nodeIndexByName[nodeName] else { continue }
        let name = uniquePodName(namespace: key.namespace, base: key.name) {
          state.podCounter += 1
          return state.podCounter
        }
        let podBlueprint = state.blueprints[revision] ?? blueprint
        createPod(
          namespace: key.namespace, name: name, owner: owner,
          blueprint: podBlueprint, revision: revision, pinnedNode: index,
          labels: ["controller-revision-hash": revision])
      case .delete(let podID):
        if let id = Int(podID) { deletePod(id) }
      }
    }
    let complete = daemonSetComplete(state, summaries)
    if complete, state.completedAt == nil { state.completedAt = now }
    if complete, state.rolloutCompletedAt == nil { state.rolloutCompletedAt = now }
    if !complete { state.completedAt = nil }
    daemonSets[key] = state
  }

  func daemonSetComplete(_ state: DaemonSetState, _ nodes: [DaemonNodeSummary]) -> Bool {
    nodes.allSatisfy { node in
      let live = node.pods.filter { !$0.terminating }
      guard node.shouldRun else { return live.isEmpty }
      return live.count == 1 && live[0].available
        && live[0].revision == state.summary.updateRevision
    }
  }

  /// Whether a daemon pod belongs on a node: its node selector and affinity match and it
  /// tolerates the node's NoSchedule and NoExecute taints (mirrors
  /// pkg/controller/daemon/daemon_controller.go NodeShouldRunDaemonPod, with the tolerations
  /// the controller adds for not-ready, unreachable, unschedulable and pressure taints).
  func daemonShouldRun(_ blueprint: PodBlueprint, on node: SimNode) -> Bool {
    guard blueprint.constraints.matchesNodeAffinity(node) else { return false }
    return node.taints.allSatisfy { taint in
      guard taint.effect == "NoSchedule" || taint.effect == "NoExecute" else { return true }
      if let taintKey = taint.key, Self.daemonTolerated.contains(taintKey) { return true }
      return blueprint.spec.tolerations.contains { $0.tolerates(taint) }
    }
  }

  /// Taints the DaemonSet controller adds tolerations for (daemon/util/daemonset_util.go).
  static let daemonTolerated: Set<String> = [
      "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable",
      "node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
      "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable",
      "node.kubernetes.io/network-unavailable",
  ]

  // MARK: Job

  func syncJob(_ key: WorkloadKey) {
    guard var state = jobs[key] else { return }
    touched.insert(key)
    let owner = SimPod.Owner.job(key)
    let ids = podIDs(of: owner)
    if state.deleted {
      if cascade(ids) { jobs[key] = nil }
      return
    }
    // Finished pods are counted once and then forgotten, as the Job's finalizer tracking does.
    var active = 0
    var activeIndexes: Set<Int> = []
    var restarts = 0
    for id in ids {
      guard let pod = pods[id] else { continue }
      switch pod.phase {
      case .succeeded where !pod.terminating:
        state.succeeded += 1
        state.failuresSinceSuccess = 0
        if let index = pod.ordinal { state.succeededIndexes.insert(index) }
        removePod(id)
      case .failed where !pod.terminating:
        state.failed += 1
        state.failuresSinceSuccess += 1
        state.lastFailureAt = now
        removePod(id)
      case _ where pod.terminating:
        // mirrors job_controller.go isPodFailed: a pod deleted before it succeeded (evicted,
        // on a failed node) counts as failed
        if !state.deletedByController.contains(id), state.countedDeletions.insert(id).inserted {
          state.failed += 1
          state.failuresSinceSuccess += 1
          state.lastFailureAt = now
        }
      default:
        if pod.isActive {
          active += 1
          restarts += pod.restarts
          if let index = pod.ordinal { activeIndexes.insert(index) }
        }
      }
    }
    guard state.outcome == nil else {
      jobs[key] = state
      return
    }
    let decision = JobSync.sync(
      state.summary, active: active, succeeded: state.succeeded, failed: state.failed,
      succeededIndexes: state.succeededIndexes, activeIndexes: activeIndexes, now: now,
      lastFailureAt: state.lastFailureAt, failuresSinceLastSuccess: state.failuresSinceSuccess,
      containerRestarts: restarts)
    if decision.podsToDelete > 0 {
      let victims = ids.filter { pods[$0]?.isActive ?? false }.suffix(decision.podsToDelete)
      for id in victims {
        state.deletedByController.insert(id)
        deletePod(id)
      }
    }
    let indexes = decision.indexesToCreate
    for offset in 0..<decision.podsToCreate {
      let index = offset < indexes.count ? indexes[offset] : nil
      let name = uniquePodName(
        namespace: key.namespace, base: index.map { "\(key.name)-\($0)" } ?? key.name
      ) {
        state.podCounter += 1
        return state.podCounter
      }
      createPod(
        namespace: key.namespace, name: name, owner: owner, blueprint: state.blueprint,
        revision: state.blueprint.templateHash, ordinal: index,
        labels: ["job-name": key.name, "batch.kubernetes.io/job-name": key.name])
    }
    if let requeue = decision.requeueAt, requeue > now, requeue != state.requeueAt {
      state.requeueAt = requeue
      queue.schedule(.resync(.job(key)), at: requeue)
    }
    if let outcome = decision.outcome {
      state.outcome = outcome
      state.finishedAt = now
      let object = "Job/\(key.namespace)/\(key.name)"
      switch outcome {
      case .complete:
        recorder.event(
          at: now, object: object, reason: "Completed", message: "Job completed")
      case .failed(let reason):
        recorder.event(
          at: now, object: object, reason: reason.rawValue,
          message: reason == .deadlineExceeded
            ? "Job was active longer than specified deadline"
            : "Job has reached the specified backoff limit")
      }
    }
    jobs[key] = state
  }
}
