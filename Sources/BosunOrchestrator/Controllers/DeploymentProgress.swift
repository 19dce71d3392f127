/// The Deployment's `Progressing` condition, and when a stalled rollout times out.
///
/// Mirrors `pkg/controller/deployment/progress.go` (`syncRolloutStatus`,
/// `requeueStuckDeployment`), `checkPausedConditions` and `getNewReplicaSet` in `sync.go`, and
/// `DeploymentTimedOut`, `SetDeploymentCondition` in `util/deployment_util.go`.
public enum DeploymentProgress {
  /// A condition's `status`.
  public enum Status: String, Hashable, Sendable {
    /// `True`.
    case `true` = "True"
    /// `False`.
    case `false` = "False"
    /// `Unknown` (paused or resumed).
    case unknown = "Unknown"
  }

  /// The `reason` of a `Progressing` condition.
  public enum Reason: String, Hashable, Sendable {
    /// The controller created the new ReplicaSet.
    case newReplicaSetCreated = "NewReplicaSetCreated"
    /// The controller found the new ReplicaSet with no condition recorded yet.
    case foundNewReplicaSet = "FoundNewReplicaSet"
    /// Pods were updated, became ready or available, or old ones went.
    case replicaSetUpdated = "ReplicaSetUpdated"
    /// The rollout completed.
    case newReplicaSetAvailable = "NewReplicaSetAvailable"
    /// No progress for `progressDeadlineSeconds`.
    case progressDeadlineExceeded = "ProgressDeadlineExceeded"
    /// The Deployment was paused.
    case deploymentPaused = "DeploymentPaused"
    /// The Deployment was resumed.
    case deploymentResumed = "DeploymentResumed"
  }

  /// The `Progressing` condition.
  public struct Condition: Hashable, Sendable {
    /// `status`.
    public var status: Status
    /// `reason`.
    public var reason: Reason
    /// `lastUpdateTime`: the last progress, which the deadline counts from.
    public var lastUpdateTime: Double
    /// `lastTransitionTime`: the last change of `status`.
    public var lastTransitionTime: Double

    /// Creates a condition.
    public init(status: Status, reason: Reason, lastUpdateTime: Double, lastTransitionTime: Double)
    {
      self.status = status
      self.reason = reason
      self.lastUpdateTime = lastUpdateTime
      self.lastTransitionTime = lastTransitionTime
    }
  }

  /// `SetDeploymentCondition`: nothing changes when status and reason are the same; the
  /// transition time is kept when only the reason changes.
  static func set(_ condition: inout Condition?, _ status: Status, _ reason: Reason, now: Double) {
    if let current = condition, current.status == status, current.reason == reason { return }
    var transition = now
    if let current = condition, current.status == status { transition = current.lastTransitionTime }
    condition = Condition(
      status: status, reason: reason, lastUpdateTime: now, lastTransitionTime: transition)
  }

  /// `DeploymentTimedOut`: a rollout with a deadline whose last progress is more than
  /// `progressDeadlineSeconds` old (strictly), or that already timed out; never once complete.
  public static func isTimedOut(
    _ condition: Condition?, progressDeadlineSeconds: Int?, now: Double
  ) -> Bool {
    guard let deadline = progressDeadlineSeconds, let condition else { return false }
    switch condition.reason {
    case .newReplicaSetAvailable: return false
    case .progressDeadlineExceeded: return true
    default: return condition.lastUpdateTime + Double(deadline) < now
    }
  }

  /// The `Progressing` condition after one sync at `now`.
  ///
  /// `previous` and `previousStatus` are what the Deployment's status held before the sync;
  /// `newStatus` is computed from the ReplicaSets the sync saw. Pausing and resuming set an
  /// `Unknown` condition (never over a timeout); creating or first finding the new ReplicaSet
  /// sets `True`; after a rollout sync the condition becomes `NewReplicaSetAvailable` when
  /// complete, `ReplicaSetUpdated` (with a fresh `lastUpdateTime`) on progress, or
  /// `ProgressDeadlineExceeded` (`False`) once the deadline has passed without progress. Paused
  /// and scaling syncs estimate no progress. Nil when the Deployment has no deadline.
  public static func progressing(
    _ deployment: DeploymentSummary, decision: DeploymentDecision, previous: Condition?,
    previousStatus: DeploymentStatusSummary, newStatus: DeploymentStatusSummary, now: Double
  ) -> Condition? {
    guard let deadline = deployment.progressDeadlineSeconds else { return nil }
    var condition = previous
    // checkPausedConditions
    if condition?.reason != .progressDeadlineExceeded {
      let pausedRecorded = condition?.reason == .deploymentPaused
      if deployment.paused && !pausedRecorded {
        set(&condition, .unknown, .deploymentPaused, now: now)
      } else if !deployment.paused && pausedRecorded {
        set(&condition, .unknown, .deploymentResumed, now: now)
      }
    }
    // getNewReplicaSet
    if decision.newReplicaSet != nil {
      set(&condition, .true, .newReplicaSetCreated, now: now)
    } else if decision.newReplicaSetID != nil && condition == nil {
      set(&condition, .true, .foundNewReplicaSet, now: now)
    }
    guard decision.path == .rollingUpdate || decision.path == .recreate else { return condition }
    // syncRolloutStatus
    let settled =
      newStatus.replicas == newStatus.updatedReplicas
      && condition?.reason == .newReplicaSetAvailable
    if settled { return condition }
    if newStatus.isComplete(desiredReplicas: deployment.replicas) {
      set(&condition, .true, .newReplicaSetAvailable, now: now)
    } else if newStatus.showsProgress(since: previousStatus) {
      // Progress refreshes lastUpdateTime even under the same reason, keeping the
      // transition time of a condition that was already True.
      let transition = condition?.status == .true ? condition?.lastTransitionTime ?? now : now
      condition = Condition(
        status: .true, reason: .replicaSetUpdated, lastUpdateTime: now,
        lastTransitionTime: transition)
    } else if isTimedOut(condition, progressDeadlineSeconds: deadline, now: now) {
      set(&condition, .false, .progressDeadlineExceeded, now: now)
    }
    return condition
  }

  /// When to sync again to notice a timeout (`requeueStuckDeployment`): one second after the
  /// deadline, so the strict comparison has passed. Nil when complete, already timed out, or
  /// without a deadline.
  public static func recheckTime(
    _ deployment: DeploymentSummary, condition: Condition?, newStatus: DeploymentStatusSummary
  ) -> Double? {
    guard let deadline = deployment.progressDeadlineSeconds, let condition else { return nil }
    if newStatus.isComplete(desiredReplicas: deployment.replicas)
      || condition.reason == .progressDeadlineExceeded
    {
      return nil
    }
    return condition.lastUpdateTime + Double(deadline) + 1
  }
}
