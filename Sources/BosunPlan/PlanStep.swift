public import BosunCore
public import BosunModel

/// One API call of the plan, in execution order.
public struct PlanStep: Sendable {
  /// The call to make.
  public enum Operation: String, Hashable, Sendable {
    /// Create the desired object.
    case create
    /// Update the live object in place to the desired one.
    case update
    /// Delete the live object.
    case delete
  }

  /// Position in the plan, from 0.
  public var index: Int
  /// The call to make.
  public var operation: Operation
  /// The object's action; a replace shows up as a delete step and a create step.
  public var action: PlanAction
  /// Who the object is.
  public var identity: ObjectIdentity
  /// Why.
  public var reason: String
  /// Consequences of the action.
  public var impacts: [Impact]
  /// The changed fields.
  public var changedPointers: [JSONPointer]
  /// For a replace, the immutable fields that force it.
  public var violations: [ImmutableViolation]
  /// The steps (indexes) that must finish first.
  public var dependsOn: [Int]
  /// The object to send, for creates and updates.
  public var object: Value?

  /// Creates a step.
  public init(
    index: Int, operation: Operation, action: PlanAction, identity: ObjectIdentity,
    reason: String, impacts: [Impact] = [], changedPointers: [JSONPointer] = [],
    violations: [ImmutableViolation] = [], dependsOn: [Int] = [], object: Value? = nil
  ) {
    self.index = index
    self.operation = operation
    self.action = action
    self.identity = identity
    self.reason = reason
    self.impacts = impacts
    self.changedPointers = changedPointers
    self.violations = violations
    self.dependsOn = dependsOn
    self.object = object
  }
}
