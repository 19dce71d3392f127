/// The replica counts of a Deployment's status, from its ReplicaSets.
///
/// Mirrors `calculateStatus` in `pkg/controller/deployment/sync.go` and `DeploymentComplete`,
/// `DeploymentProgressing` in `pkg/controller/deployment/util/deployment_util.go`.
public struct DeploymentStatusSummary: Hashable, Sendable {
  /// `status.replicas`: Σ `status.replicas` of all ReplicaSets.
  public var replicas: Int
  /// `status.updatedReplicas`: `status.replicas` of the new ReplicaSet.
  public var updatedReplicas: Int
  /// `status.readyReplicas`.
  public var readyReplicas: Int
  /// `status.availableReplicas`.
  public var availableReplicas: Int
  /// `status.unavailableReplicas`: Σ `spec.replicas` − available, never below 0.
  public var unavailableReplicas: Int

  /// Creates a status directly.
  public init(
    replicas: Int, updatedReplicas: Int, readyReplicas: Int, availableReplicas: Int,
    unavailableReplicas: Int
  ) {
    self.replicas = replicas
    self.updatedReplicas = updatedReplicas
    self.readyReplicas = readyReplicas
    self.availableReplicas = availableReplicas
    self.unavailableReplicas = unavailableReplicas
  }

  /// The status of ReplicaSets where `newReplicaSetID` is the current template's (nil: none).
  public init(replicaSets: [ReplicaSetSummary], newReplicaSetID: Int?) {
    let available = DeploymentRolloutMath.availableReplicaCount(replicaSets)
    self.init(
      replicas: replicaSets.reduce(0) { $0 + $1.replicas },
      updatedReplicas: replicaSets.first { $0.id == newReplicaSetID }?.replicas ?? 0,
      readyReplicas: replicaSets.reduce(0) { $0 + $1.readyReplicas },
      availableReplicas: available,
      unavailableReplicas: max(0, DeploymentRolloutMath.specReplicaCount(replicaSets) - available))
  }

  /// `DeploymentComplete`: every desired replica updated, existing and available, none more.
  public func isComplete(desiredReplicas: Int) -> Bool {
    updatedReplicas == desiredReplicas && replicas == desiredReplicas
      && availableReplicas == desiredReplicas
  }

  /// `DeploymentProgressing`: since `previous`, more updated, fewer old, more ready or more
  /// available pods.
  public func showsProgress(since previous: DeploymentStatusSummary) -> Bool {
    updatedReplicas > previous.updatedReplicas
      || replicas - updatedReplicas < previous.replicas - previous.updatedReplicas
      || readyReplicas > previous.readyReplicas || availableReplicas > previous.availableReplicas
  }

  /// The `Available` condition: at least `replicas − maxUnavailable` available
  /// (`MinimumReplicasAvailable`); an unreadable bound counts as 0, as upstream ignores it.
  public func hasMinimumAvailability(_ deployment: DeploymentSummary) -> Bool {
    let maxUnavailable = (try? DeploymentRolloutMath.maxUnavailable(of: deployment)) ?? 0
    return availableReplicas >= deployment.replicas - maxUnavailable
  }
}
