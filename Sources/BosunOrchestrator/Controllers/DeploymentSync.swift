/// One sync of the Deployment controller, as a pure decision.
///
/// Mirrors `pkg/controller/deployment/deployment_controller.go` (`syncDeployment`: paused, then
/// scaling event, then the strategy), `sync.go` (`sync`, `getAllReplicaSetsAndSyncRevision`,
/// `getNewReplicaSet`), `rolling.go` (`rolloutRolling`) and `recreate.go` (`rolloutRecreate`).
/// Status and conditions are computed apart, by ``DeploymentStatusSummary`` and
/// ``DeploymentProgress``.
public enum DeploymentSync {
  /// The ReplicaSet of the current template: the oldest marked `isNew` (`FindNewReplicaSet`
  /// picks the oldest when a cluster upgrade left several).
  public static func newReplicaSet(in replicaSets: [ReplicaSetSummary]) -> ReplicaSetSummary? {
    replicaSets.filter(\.isNew).min(by: ReplicaSetSummary.olderFirst)
  }

  /// The ReplicaSet to create for the current template (`getNewReplicaSet` with
  /// `createIfNotExisted`): its size from `NewRSNewReplicas` against the old ReplicaSets (all
  /// of `replicas` for Recreate), revision max+1, replica annotations `replicas` and
  /// `replicas + maxSurge`.
  public static func newReplicaSetPlan(
    for deployment: DeploymentSummary, oldReplicaSets: [ReplicaSetSummary], surge: Int
  ) -> DeploymentDecision.NewReplicaSet {
    let replicas: Int
    if deployment.isRollingUpdate {
      replicas = DeploymentRolloutMath.newReplicaSetReplicas(
        replicas: deployment.replicas, surge: surge,
        totalSpecReplicas: DeploymentRolloutMath.specReplicaCount(oldReplicaSets),
        newSpecReplicas: 0)
    } else {
      replicas = deployment.replicas
    }
    return DeploymentDecision.NewReplicaSet(
      replicas: replicas, revision: RevisionHistory.nextRevision(oldReplicaSets: oldReplicaSets),
      desiredReplicas: deployment.replicas, maxReplicas: deployment.replicas + surge)
  }

  /// One sync.
  ///
  /// `newReplicaSetID` names the ReplicaSet of the current template (nil: the oldest `isNew`
  /// one, if any). `oldPodsRunning` counts pods of the old ReplicaSets that are not Succeeded
  /// or Failed, terminating ones included (`oldPodsRunning` in `recreate.go`). Paused and
  /// scaling-event syncs never create a ReplicaSet; RollingUpdate creates it at once, Recreate
  /// once no old pod runs. A RollingUpdate sync scales the new ReplicaSet up **or** the old ones
  /// down, never both; the creation of the new one may come with a scale-down, as upstream.
  /// History cleanup runs when paused, or after a rollout sync that changed nothing while the
  /// status (computed from `replicaSets`) is complete.
  public static func sync(
    _ deployment: DeploymentSummary, replicaSets: [ReplicaSetSummary], newReplicaSetID: Int?,
    oldPodsRunning: Int
  ) -> DeploymentDecision {
    let path: DeploymentDecision.Path
    if deployment.paused {
      path = .paused
    } else if DeploymentProportionalScaling.isScalingEvent(
      replicas: deployment.replicas, replicaSets: replicaSets)
    {
      path = .scalingEvent
    } else {
      path = deployment.isRollingUpdate ? .rollingUpdate : .recreate
    }
    let surge: Int
    let maxUnavailable: Int
    do {
      surge = try DeploymentRolloutMath.maxSurge(of: deployment)
      maxUnavailable = try DeploymentRolloutMath.maxUnavailable(of: deployment)
    } catch {
      return DeploymentDecision(path: path, failure: error)
    }
    let newRS =
      newReplicaSetID.flatMap { id in replicaSets.first { $0.id == id } }
      ?? newReplicaSet(in: replicaSets)
    let oldRSs = replicaSets.filter { $0.id != newRS?.id }
    var decision = DeploymentDecision(path: path, newReplicaSetID: newRS?.id)
    var current = newRS
    if let newRS, let update = RevisionHistory.update(newReplicaSet: newRS, oldReplicaSets: oldRSs)
    {
      decision.revisionUpdate = update
      current?.revision = update.revision
      current?.revisionHistory = update.revisionHistory
    }
    let context = Context(
      deployment: deployment, surge: surge, maxUnavailable: maxUnavailable,
      previousStatus: DeploymentStatusSummary(replicaSets: replicaSets, newReplicaSetID: newRS?.id)
    )
    switch path {
    case .paused, .scalingEvent:
      decision.scales = DeploymentProportionalScaling.scale(
        replicas: deployment.replicas, surge: surge, isRollingUpdate: deployment.isRollingUpdate,
        newReplicaSet: current, oldReplicaSets: oldRSs,
        fallbackMaxReplicas: replicaSets.reduce(0) { $0 + $1.replicas })
      if path == .paused {
        decision.deletions = RevisionHistory.replicaSetsToDelete(
          oldReplicaSets: oldRSs, revisionHistoryLimit: deployment.revisionHistoryLimit)
      }
    case .rollingUpdate:
      rollOut(context, newReplicaSet: current, oldReplicaSets: oldRSs, into: &decision)
    case .recreate:
      recreate(
        context, newReplicaSet: current, oldReplicaSets: oldRSs, oldPodsRunning: oldPodsRunning,
        into: &decision)
    }
    return decision
  }

  /// What every branch needs besides the ReplicaSets.
  struct Context {
    var deployment: DeploymentSummary
    var surge: Int
    var maxUnavailable: Int
    var previousStatus: DeploymentStatusSummary

    var replicas: Int { deployment.replicas }

    func scale(_ rs: ReplicaSetSummary, to size: Int) -> DeploymentDecision.Scale {
      DeploymentDecision.Scale(
        id: rs.id, replicas: size, desiredReplicas: replicas, maxReplicas: replicas + surge)
    }

    /// `cleanupDeployment`, gated on `DeploymentComplete(d, &d.Status)` as both rollouts do.
    func cleanupIfComplete(_ oldRSs: [ReplicaSetSummary]) -> [Int] {
      guard previousStatus.isComplete(desiredReplicas: replicas) else { return [] }
      return RevisionHistory.replicaSetsToDelete(
        oldReplicaSets: oldRSs, revisionHistoryLimit: deployment.revisionHistoryLimit)
    }
  }

  /// Stands for a ReplicaSet this sync creates; never appears in a decision's scales.
  static let plannedID = Int.min

  /// `rolloutRolling`.
  static func rollOut(
    _ context: Context, newReplicaSet: ReplicaSetSummary?, oldReplicaSets: [ReplicaSetSummary],
    into decision: inout DeploymentDecision
  ) {
    var newRS: ReplicaSetSummary
    if let newReplicaSet {
      newRS = newReplicaSet
    } else {
      let plan = newReplicaSetPlan(
        for: context.deployment, oldReplicaSets: oldReplicaSets, surge: context.surge)
      decision.newReplicaSet = plan
      newRS = ReplicaSetSummary(
        id: plannedID, revision: plan.revision, specReplicas: plan.replicas, replicas: 0,
        readyReplicas: 0, availableReplicas: 0, createdAt: .infinity,
        desiredReplicas: plan.desiredReplicas, maxReplicas: plan.maxReplicas, isNew: true)
    }
    let all = oldReplicaSets + [newRS]
    // reconcileNewReplicaSet
    if newRS.specReplicas > context.replicas {
      decision.scales = [context.scale(newRS, to: context.replicas)]
      return
    }
    if newRS.specReplicas < context.replicas {
      let size = DeploymentRolloutMath.newReplicaSetReplicas(
        replicas: context.replicas, surge: context.surge,
        totalSpecReplicas: DeploymentRolloutMath.specReplicaCount(all),
        newSpecReplicas: newRS.specReplicas)
      if size != newRS.specReplicas {
        decision.scales = [context.scale(newRS, to: size)]
        return
      }
    }
    // reconcileOldReplicaSets
    let scales = reconcileOldReplicaSets(
      context, all: all, activeOld: oldReplicaSets.filter(\.isActive), newReplicaSet: newRS)
    if !scales.isEmpty {
      decision.scales = scales
      return
    }
    decision.deletions = context.cleanupIfComplete(oldReplicaSets)
  }

  /// `reconcileOldReplicaSets`: unhealthy old replicas first, then what availability allows.
  static func reconcileOldReplicaSets(
    _ context: Context, all: [ReplicaSetSummary], activeOld: [ReplicaSetSummary],
    newReplicaSet newRS: ReplicaSetSummary
  ) -> [DeploymentDecision.Scale] {
    guard DeploymentRolloutMath.specReplicaCount(activeOld) > 0 else { return [] }
    let minAvailable = context.replicas - context.maxUnavailable
    let budget = DeploymentRolloutMath.maxScaledDown(
      totalSpecReplicas: DeploymentRolloutMath.specReplicaCount(all), minAvailable: minAvailable,
      newSpecReplicas: newRS.specReplicas, newAvailableReplicas: newRS.availableReplicas)
    guard budget > 0 else { return [] }
    let cleaned = DeploymentRolloutMath.cleanupUnhealthyReplicas(activeOld, limit: budget)
    let scaled = DeploymentRolloutMath.scaleDownOldReplicaSetsForRollingUpdate(
      allReplicaSets: cleaned.replicaSets + [newRS], oldReplicaSets: cleaned.replicaSets,
      minAvailable: minAvailable)
    let before = Dictionary(uniqueKeysWithValues: activeOld.map { ($0.id, $0.specReplicas) })
    return scaled.replicaSets.compactMap { rs in
      rs.specReplicas == before[rs.id] ? nil : context.scale(rs, to: rs.specReplicas)
    }
  }

  /// `rolloutRecreate`.
  static func recreate(
    _ context: Context, newReplicaSet: ReplicaSetSummary?, oldReplicaSets: [ReplicaSetSummary],
    oldPodsRunning: Int, into decision: inout DeploymentDecision
  ) {
    // scaleDownOldReplicaSetsForRecreate
    let scaleDowns = oldReplicaSets.filter(\.isActive).map { context.scale($0, to: 0) }
    if !scaleDowns.isEmpty {
      decision.scales = scaleDowns
      return
    }
    let oldReplicas = oldReplicaSets.reduce(0) { $0 + $1.replicas }
    if oldReplicas > 0 || oldPodsRunning > 0 {
      decision.waitingForOldPods = true
      return
    }
    if let newRS = newReplicaSet {
      // scaleUpNewReplicaSetForRecreate
      if newRS.specReplicas != context.replicas {
        decision.scales = [context.scale(newRS, to: context.replicas)]
      }
    } else {
      decision.newReplicaSet = newReplicaSetPlan(
        for: context.deployment, oldReplicaSets: oldReplicaSets, surge: context.surge)
    }
    decision.deletions = context.cleanupIfComplete(oldReplicaSets)
  }
}
