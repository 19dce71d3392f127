import BosunCore
import BosunModel

// The rollback rehearsal: from wherever the plan ended, undo it and time the way back.
extension Simulation {
  /// Undoes the plan's started steps in reverse order: `rollout undo` to the revision each
  /// workload ran before, deletion of what the plan created, and the recorded copy of what it
  /// deleted or changed otherwise; then runs until the undone workloads settle.
  func rehearseRollback(
    plan: RehearsalPlan, executor: PlanExecutor, snapshot: [Resource]
  ) -> RollbackOutcome? {
    let recorded = Dictionary(
      snapshot.compactMap { resource in resource.identity.key.map { ($0, resource) } },
      uniquingKeysWith: { first, _ in first })
    var steps: [RollbackOutcome.Step] = []
    var checks: [RehearsalPlan.Step] = []
    let start = now
    executor.stop()
    for step in plan.steps.reversed() {
      if case .waiting = executor.statuses[step.index] { continue }
      let key = Rehearsal.workloadKey(step.identity)
      let reference = ObjectReference(
        apiVersion: step.identity.apiVersion, kind: step.identity.kind,
        namespace: step.identity.namespace, name: step.identity.name ?? "")
      if step.operation == "create" && step.action == "create" {
        delete(identity: step.identity)
        steps.append(.init(object: reference, action: .delete))
        checks.append(
          RehearsalPlan.Step(
            index: step.index, operation: "delete", action: "delete", identity: step.identity,
            manifest: nil))
        continue
      }
      if step.operation == "update", let revision = undo(key) {
        steps.append(.init(object: reference, action: .rolloutUndo(toRevision: revision)))
        checks.append(step)
        continue
      }
      if step.operation == "create" { continue }  // the create half of a replace
      guard let identityKey = step.identity.key, let resource = recorded[identityKey] else {
        continue
      }
      apply(manifest: resource.node, identity: resource.identity)
      steps.append(.init(object: reference, action: .recreateFromSnapshot))
      checks.append(
        RehearsalPlan.Step(
          index: step.index, operation: "create", action: "create",
          identity: resource.identity, manifest: resource.node))
    }
    guard !steps.isEmpty else { return nil }
    let finished = run(until: start + options.horizon) {
      checks.allSatisfy { doneCheck(for: $0).done }
    }
    return RollbackOutcome(
      steps: steps, duration: now - start, verdict: finished ? .completes : .stalls)
  }

  /// `kubectl rollout undo` to the revision a workload ran before the plan; nil when the plan
  /// did not change its pod template.
  private func undo(_ key: WorkloadKey) -> Int? {
    switch key.kind {
    case "Deployment":
      guard var state = deployments[key], let revision = state.fromRevision,
        let target = state.replicaSetIDs.map({ replicaSets[$0] }).first(where: {
          !$0.deleted && $0.revision == revision
        })
      else { return nil }
      state.blueprint = target.blueprint
      state.rolloutStartedAt = now
      state.completedAt = nil
      state.rolloutCompletedAt = nil
      state.deadlineExceededAt = nil
      state.condition = nil
      deployments[key] = state
      markDirty(.deployment(key))
      return revision
    case "StatefulSet":
      guard var state = statefulSets[key], let revision = state.fromRevision else { return nil }
      state.summary.updateRevision = revision
      state.completedAt = nil
      state.rolloutCompletedAt = nil
      statefulSets[key] = state
      markDirty(.statefulSet(key))
      return 0
    case "DaemonSet":
      guard var state = daemonSets[key], let revision = state.fromRevision else { return nil }
      state.summary.updateRevision = revision
      state.completedAt = nil
      state.rolloutCompletedAt = nil
      daemonSets[key] = state
      markDirty(.daemonSet(key))
      return 0
    default:
      return nil
    }
  }
}
