/// What one sync of the Job controller decides.
public struct JobDecision: Hashable, Sendable {
  /// How a Job ended.
  public enum Outcome: Hashable, Sendable {
    /// The `Complete` condition.
    case complete
    /// The `Failed` condition with this reason.
    case failed(reason: FailureReason)
  }

  /// The `reason` of a `Failed` condition.
  public enum FailureReason: String, Hashable, Sendable {
    /// More failures than `backoffLimit`.
    case backoffLimitExceeded = "BackoffLimitExceeded"
    /// Active longer than `activeDeadlineSeconds`.
    case deadlineExceeded = "DeadlineExceeded"
  }

  /// Pods to create now (at most 500).
  public var podsToCreate: Int
  /// For Indexed Jobs, the completion index of each pod to create, lowest first.
  public var indexesToCreate: [Int]
  /// Active pods to delete now (the engine picks which, as for a ReplicaSet scale-down).
  public var podsToDelete: Int
  /// When to sync again: the end of the failure back-off or the active deadline.
  public var requeueAt: Double?
  /// The Job's end, when this sync reaches it.
  public var outcome: Outcome?

  /// A decision; by default, nothing to do.
  public init(
    podsToCreate: Int = 0, indexesToCreate: [Int] = [], podsToDelete: Int = 0,
    requeueAt: Double? = nil, outcome: Outcome? = nil
  ) {
    self.podsToCreate = podsToCreate
    self.indexesToCreate = indexesToCreate
    self.podsToDelete = podsToDelete
    self.requeueAt = requeueAt
    self.outcome = outcome
  }
}
