/// What DefaultPreemption's dry run would find for a pod that fits nowhere
/// (pkg/scheduler/framework/preemption/preemption.go `findCandidates`,
/// plugins/defaultpreemption/default_preemption.go `SelectVictimsOnNode`): nodes whose
/// rejection is unresolvable are skipped; elsewhere every lower-priority pod is removed and the
/// filters run again. Victim selection, PodDisruptionBudgets and the eviction itself are not
/// simulated.
struct Preemption: Sendable {
  /// Nodes where removing lower-priority pods lets the pod fit.
  private(set) var candidates: [String] = []
  /// The per-node statuses of the dry run, as upstream reports them after `preemption: `.
  private(set) var fitError: FitError

  init(cycle: SchedulingCycle, nodes: [NodeState], rejections: [NodeRejection]) {
    fitError = FitError(nodeCount: nodes.count)
    let request = cycle.request
    let priority = request.constraints.priority
    for (index, state) in nodes.enumerated() {
      if rejections[index].isUnresolvable {
        fitError.count(["Preemption is not helpful for scheduling"])
        continue
      }
      var reduced = state
      for resident in state.residents where resident.constraints.priority < priority {
        reduced.remove(podID: resident.id)
      }
      guard reduced.podCount < state.podCount else {
        fitError.count(["No preemption victims found for incoming pod"])
        continue
      }
      let retry: NodeRejection?
      if cycle.needsClusterState {
        var changed = nodes
        changed[index] = reduced
        retry = SchedulingCycle(request: request, nodes: changed).rejection(for: reduced)
      } else {
        retry = cycle.rejection(for: reduced)
      }
      if let retry {
        fitError.count(retry.reasons(node: reduced, request: request))
      } else {
        candidates.append(state.node.name)
      }
    }
  }
}
