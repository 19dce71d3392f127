public import BosunCore
public import BosunPlan

/// What became of one plan step on the simulated cluster.
public struct StepOutcome: Sendable, Equatable {
  /// How the step ended.
  public enum Status: String, Sendable, Equatable, CaseIterable {
    /// The call succeeded and its done-check passed.
    case done
    /// The call succeeded but its done-check never passed within the horizon.
    case stalled
    /// The call was refused or its object failed (a Job out of retries).
    case failed
    /// Not run: a step it depends on did not finish.
    case skipped
  }

  /// The plan step's index.
  public var index: Int
  /// The API call.
  public var operation: PlanStep.Operation
  /// The object's action in the plan.
  public var action: PlanAction
  /// The object the call is about.
  public var object: ObjectReference
  /// When the call was made (for a skipped step, when it would have been).
  public var startedAt: Double
  /// When the done-check passed or the step failed; nil when it never did.
  public var finishedAt: Double?
  /// What the done-check waited for, e.g. `available 10/10`; nil when there was nothing to
  /// wait for.
  public var waitedFor: String?
  /// How the step ended.
  public var status: Status
  /// Why it stalled, failed or was skipped; nil when done.
  public var reason: String?

  /// Creates a step outcome.
  public init(
    index: Int, operation: PlanStep.Operation, action: PlanAction, object: ObjectReference,
    startedAt: Double, finishedAt: Double? = nil, waitedFor: String? = nil,
    status: Status, reason: String? = nil
  ) {
    self.index = index
    self.operation = operation
    self.action = action
    self.object = object
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.waitedFor = waitedFor
    self.status = status
    self.reason = reason
  }
}
