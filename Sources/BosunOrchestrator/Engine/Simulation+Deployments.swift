import BosunModel

// The Deployment and ReplicaSet controllers: gather summaries, ask the pure decisions, apply.
extension Simulation {
  func replicaSetSummary(_ rs: ReplicaSetState, current: PodBlueprint?) -> ReplicaSetSummary {
    var active = 0
    var ready = 0
    var available = 0
    for id in podIDs(of: .replicaSet(rs.id)) {
      guard let pod = pods[id], pod.isActive else { continue }
      active += 1
      if pod.ready { ready += 1 }
      if pod.isAvailable(at: now, minReadySeconds: rs.minReadySeconds) { available += 1 }
    }
    return ReplicaSetSummary(
      id: rs.id, revision: rs.revision, revisionHistory: rs.revisionHistory,
      specReplicas: rs.specReplicas, replicas: active, readyReplicas: ready,
      availableReplicas: available, createdAt: rs.createdAt, desiredReplicas: rs.desiredReplicas,
      maxReplicas: rs.maxReplicas,
      isNew: current.map { $0.templateHash == rs.blueprint.templateHash } ?? false,
      isDeleting: rs.deleted)
  }

  /// Adds a ReplicaSet and returns its id.
  @discardableResult
  func addReplicaSet(
    deployment: WorkloadKey?, namespace: String, name: String, blueprint: PodBlueprint,
    revision: Int, replicas: Int, minReadySeconds: Int, createdAt: Double? = nil
  ) -> Int {
    let id = replicaSets.count
    replicaSets.append(
      ReplicaSetState(
        id: id, key: WorkloadKey(kind: "ReplicaSet", namespace: namespace, name: name),
        deployment: deployment, blueprint: blueprint, revision: revision, specReplicas: replicas,
        createdAt: createdAt ?? now, minReadySeconds: minReadySeconds))
    store.write(
      ObjectStore.Key(group: "apps", resource: "replicasets", namespace: namespace, name: name),
      kind: "ReplicaSet",
      owner: deployment.map {
        ObjectStore.Key(
          group: "apps", resource: "deployments", namespace: $0.namespace, name: $0.name)
      }, at: now)
    if let deployment { deployments[deployment]?.replicaSetIDs.append(id) }
    markDirty(.replicaSet(id))
    return id
  }

  func syncDeployment(_ key: WorkloadKey) {
    guard var state = deployments[key] else { return }
    let ids = state.replicaSetIDs.filter { !replicaSets[$0].deleted }
    if state.deleted {
      for id in ids { deleteReplicaSet(id) }
      if ids.allSatisfy({ podIDs(of: .replicaSet($0)).isEmpty }) { deployments[key] = nil }
      return
    }
    // mirrors deployment/sync.go getNewReplicaSet: the ReplicaSets follow minReadySeconds
    for id in ids { replicaSets[id].minReadySeconds = state.summary.minReadySeconds }
    touched.insert(key)
    let summaries = ids.map { replicaSetSummary(replicaSets[$0], current: state.blueprint) }
    let newRS = DeploymentSync.newReplicaSet(in: summaries)
    let oldPodsRunning = summaries.filter { $0.id != newRS?.id }.reduce(0) { total, rs in
      total
        + podIDs(of: .replicaSet(rs.id)).filter {
          guard let pod = pods[$0] else { return false }
          return pod.phase != .succeeded && pod.phase != .failed
        }.count
    }
    var decision = DeploymentSync.sync(
      state.summary, replicaSets: summaries, newReplicaSetID: newRS?.id,
      oldPodsRunning: oldPodsRunning)
    if let failure = decision.failure {
      diagnostics.append(
        .init(.error, code: "simulate.invalid-strategy", message: "\(key): \(failure)"))
      return
    }
    if let plan = decision.newReplicaSet {
      let name = "\(key.name)-\(state.blueprint.templateHash)"
      let id = addReplicaSet(
        deployment: key, namespace: key.namespace, name: name, blueprint: state.blueprint,
        revision: plan.revision, replicas: plan.replicas,
        minReadySeconds: state.summary.minReadySeconds)
      replicaSets[id].desiredReplicas = plan.desiredReplicas
      replicaSets[id].maxReplicas = plan.maxReplicas
      state.replicaSetIDs = deployments[key]?.replicaSetIDs ?? state.replicaSetIDs
      decision.newReplicaSetID = id
      recorder.event(
        at: now, object: "Deployment/\(key.namespace)/\(key.name)", reason: "ScalingReplicaSet",
        message: "Scaled up replica set \(name) from 0 to \(plan.replicas)")
    }
    if let update = decision.revisionUpdate {
      replicaSets[update.id].revision = update.revision
      replicaSets[update.id].revisionHistory = update.revisionHistory
    }
    for scale in decision.scales {
      var rs = replicaSets[scale.id]
      if rs.specReplicas != scale.replicas {
        recorder.event(
          at: now, object: "Deployment/\(key.namespace)/\(key.name)", reason: "ScalingReplicaSet",
          message: "Scaled \(scale.replicas > rs.specReplicas ? "up" : "down") replica set "
            + "\(rs.key.name) from \(rs.specReplicas) to \(scale.replicas)")
        markDirty(.replicaSet(scale.id))
      }
      rs.specReplicas = scale.replicas
      rs.desiredReplicas = scale.desiredReplicas
      rs.maxReplicas = scale.maxReplicas
      replicaSets[scale.id] = rs
    }
    for id in decision.deletions { deleteReplicaSet(id) }
    // Status and the Progressing condition, from what the sync saw and did.
    let after = state.replicaSetIDs.filter { !replicaSets[$0].deleted }
      .map { replicaSetSummary(replicaSets[$0], current: state.blueprint) }
    let newID = decision.newReplicaSetID ?? newRS?.id
    let previousStatus = state.status
    let status = DeploymentStatusSummary(replicaSets: after, newReplicaSetID: newID)
    let condition = DeploymentProgress.progressing(
      state.summary, decision: decision, previous: state.condition,
      previousStatus: previousStatus, newStatus: status, now: now)
    state.status = status
    if condition?.reason == .progressDeadlineExceeded,
      state.condition?.reason != .progressDeadlineExceeded
    {
      state.deadlineExceededAt = now
      recorder.event(
        at: now, object: "Deployment/\(key.namespace)/\(key.name)",
        reason: "ProgressDeadlineExceeded",
        message: "Deployment \"\(key.name)\" has timed out progressing.")
    }
    state.condition = condition
    let complete =
      status.isComplete(desiredReplicas: state.summary.replicas)
      && after.allSatisfy { $0.id == newID || $0.replicas == 0 }
    if complete, state.completedAt == nil { state.completedAt = now }
    if complete, state.rolloutCompletedAt == nil { state.rolloutCompletedAt = now }
    if !complete { state.completedAt = nil }
    if let recheck = DeploymentProgress.recheckTime(
      state.summary, condition: condition, newStatus: status),
      recheck != state.recheckAt, recheck > now
    {
      state.recheckAt = recheck
      queue.schedule(.resync(.deployment(key)), at: recheck)
    }
    deployments[key] = state
  }

  func deleteReplicaSet(_ id: Int) {
    guard !replicaSets[id].deleted else { return }
    replicaSets[id].deleted = true
    replicaSets[id].specReplicas = 0
    let key = replicaSets[id].key
    store.delete(
      ObjectStore.Key(
        group: "apps", resource: "replicasets", namespace: key.namespace, name: key.name))
    markDirty(.replicaSet(id))
  }

  func syncReplicaSet(_ id: Int) {
    let rs = replicaSets[id]
    let owned = podIDs(of: .replicaSet(id))
    let active = owned.filter { pods[$0]?.isActive ?? false }
    switch ReplicaSetSync.action(specReplicas: rs.specReplicas, activePods: active.count) {
    case .create(let count):
      for _ in 0..<count {
        let name = uniquePodName(namespace: rs.key.namespace, base: rs.key.name) {
          replicaSets[id].podCounter += 1
          return replicaSets[id].podCounter
        }
        createPod(
          namespace: rs.key.namespace, name: name, owner: .replicaSet(id),
          blueprint: rs.blueprint, revision: rs.blueprint.templateHash,
          labels: ["pod-template-hash": rs.blueprint.templateHash])
      }
    case .delete(let count):
      // mirrors replica_set.go getIndirectlyRelatedPods: crowding counts the pods of every
      // ReplicaSet of the same Deployment
      let related =
        rs.deployment.flatMap { deployments[$0]?.replicaSetIDs }?.flatMap {
          podIDs(of: .replicaSet($0))
        } ?? active
      var perNode: [Int: Int] = [:]
      for podID in related {
        guard let pod = pods[podID], pod.isActive, let node = pod.nodeIndex else { continue }
        perNode[node, default: 0] += 1
      }
      let ranks = active.compactMap { podID -> ReplicaSetSync.PodRank? in
        guard let pod = pods[podID] else { return nil }
        let colocated = pod.nodeIndex.map { perNode[$0] ?? 0 } ?? 0
        return ReplicaSetSync.PodRank(
          id: podID, nodeName: pod.nodeIndex.map { nodes[$0].node.name },
          phase: pod.nodeIndex == nil ? .pending : (pod.phase == .running ? .running : .pending),
          ready: pod.ready, readySince: pod.readySince, restarts: pod.restarts,
          createdAt: pod.createdAt, colocated: colocated)
      }
      for podID in ReplicaSetSync.podsToDelete(ranks, count: count, now: now) {
        deletePod(podID)
      }
    case .none:
      break
    }
    if rs.deleted, owned.isEmpty, let deployment = rs.deployment {
      markDirty(.deployment(deployment))
    }
  }
}
