public import BosunModel

/// The RollingUpdate arithmetic of the Deployment controller.
///
/// Mirrors `pkg/controller/deployment/util/deployment_util.go` (`ResolveFenceposts`,
/// `MaxUnavailable`, `MaxSurge`, `NewRSNewReplicas`, `GetReplicaCountForReplicaSets`) and
/// `pkg/controller/deployment/rolling.go` (`reconcileOldReplicaSets`,
/// `cleanupUnhealthyReplicas`, `scaleDownOldReplicaSetsForRollingUpdate`).
public enum DeploymentRolloutMath {
  /// `maxSurge` and `maxUnavailable` as pod counts for `replicas` desired pods.
  ///
  /// Surge rounds up, unavailable rounds down, a nil bound is 0; when both come out 0 (1% of
  /// 10, or an explicit 0/0 on zero replicas) unavailable becomes 1 so the rollout can move
  /// (`ResolveFenceposts`).
  public static func resolveFenceposts(
    maxSurge: IntOrString?, maxUnavailable: IntOrString?, replicas: Int
  ) throws(IntOrString.ScalingError) -> (surge: Int, unavailable: Int) {
    let surge = try (maxSurge ?? .int(0)).scaledValue(total: replicas, roundUp: true)
    var unavailable = try (maxUnavailable ?? .int(0)).scaledValue(total: replicas, roundUp: false)
    if surge == 0 && unavailable == 0 { unavailable = 1 }
    return (surge, unavailable)
  }

  /// How many pods may be unavailable: the resolved bound capped at `replicas`, and 0 when the
  /// Deployment wants no pods (`MaxUnavailable`).
  public static func maxUnavailable(resolved unavailable: Int, replicas: Int) -> Int {
    replicas == 0 ? 0 : min(unavailable, replicas)
  }

  /// `MaxUnavailable` of a Deployment: 0 for `Recreate`.
  public static func maxUnavailable(
    of deployment: DeploymentSummary
  ) throws(IntOrString.ScalingError) -> Int {
    guard case .rollingUpdate(let surge, let unavailable) = deployment.strategy else { return 0 }
    let resolved = try resolveFenceposts(
      maxSurge: surge, maxUnavailable: unavailable, replicas: deployment.replicas)
    return maxUnavailable(resolved: resolved.unavailable, replicas: deployment.replicas)
  }

  /// `MaxSurge` of a Deployment: 0 for `Recreate`.
  public static func maxSurge(of deployment: DeploymentSummary) throws(IntOrString.ScalingError)
    -> Int
  {
    guard case .rollingUpdate(let surge, let unavailable) = deployment.strategy else { return 0 }
    return try resolveFenceposts(
      maxSurge: surge, maxUnavailable: unavailable, replicas: deployment.replicas
    ).surge
  }

  /// `GetReplicaCountForReplicaSets`: the sum of `spec.replicas`.
  public static func specReplicaCount(_ replicaSets: [ReplicaSetSummary]) -> Int {
    replicaSets.reduce(0) { $0 + $1.specReplicas }
  }

  /// `GetAvailableReplicaCountForReplicaSets`: the sum of `status.availableReplicas`.
  public static func availableReplicaCount(_ replicaSets: [ReplicaSetSummary]) -> Int {
    replicaSets.reduce(0) { $0 + $1.availableReplicas }
  }

  /// The new ReplicaSet's next size under RollingUpdate (`NewRSNewReplicas`): grow by what
  /// `replicas + surge` leaves over the current total, never past `replicas`.
  public static func newReplicaSetReplicas(
    replicas: Int, surge: Int, totalSpecReplicas: Int, newSpecReplicas: Int
  ) -> Int {
    let maxTotal = replicas + surge
    guard totalSpecReplicas < maxTotal else { return newSpecReplicas }
    return newSpecReplicas + min(maxTotal - totalSpecReplicas, replicas - newSpecReplicas)
  }

  /// How many old pods one sync may remove (`reconcileOldReplicaSets`):
  /// `all pods − minAvailable − (new spec − new available)`, so the new ReplicaSet's pods that
  /// are not available yet count against the budget.
  public static func maxScaledDown(
    totalSpecReplicas: Int, minAvailable: Int, newSpecReplicas: Int, newAvailableReplicas: Int
  ) -> Int {
    totalSpecReplicas - minAvailable - (newSpecReplicas - newAvailableReplicas)
  }

  /// Scales old ReplicaSets down by their unavailable pods, oldest first, removing at most
  /// `limit` in all (`cleanupUnhealthyReplicas`). Returns the ReplicaSets, oldest first, with
  /// new `specReplicas`, and how many replicas went.
  public static func cleanupUnhealthyReplicas(
    _ oldReplicaSets: [ReplicaSetSummary], limit: Int
  ) -> (replicaSets: [ReplicaSetSummary], scaledDown: Int) {
    var result = oldReplicaSets.sorted(by: ReplicaSetSummary.olderFirst)
    var total = 0
    for index in result.indices {
      if total >= limit { break }
      let rs = result[index]
      if rs.specReplicas == 0 || rs.specReplicas == rs.availableReplicas { continue }
      let count = min(limit - total, rs.specReplicas - rs.availableReplicas)
      // available > spec (a stale status) would make this a scale-up; upstream then errors and
      // abandons the sync's scale-down, here only that ReplicaSet is passed over
      guard count > 0 else { continue }
      result[index].specReplicas -= count
      total += count
    }
    return (result, total)
  }

  /// Scales old ReplicaSets down, oldest first, by what availability above `minAvailable`
  /// allows (`scaleDownOldReplicaSetsForRollingUpdate`). `allReplicaSets` give the available
  /// count (old and new); returns the old ones, oldest first, and how many replicas went.
  public static func scaleDownOldReplicaSetsForRollingUpdate(
    allReplicaSets: [ReplicaSetSummary], oldReplicaSets: [ReplicaSetSummary], minAvailable: Int
  ) -> (replicaSets: [ReplicaSetSummary], scaledDown: Int) {
    var result = oldReplicaSets.sorted(by: ReplicaSetSummary.olderFirst)
    let available = availableReplicaCount(allReplicaSets)
    guard available > minAvailable else { return (result, 0) }
    let target = available - minAvailable
    var total = 0
    for index in result.indices {
      if total >= target { break }
      if result[index].specReplicas == 0 { continue }
      let count = min(result[index].specReplicas, target - total)
      result[index].specReplicas -= count
      total += count
    }
    return (result, total)
  }
}
