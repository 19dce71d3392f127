public import BosunCore
public import BosunModel

/// The decision for one object: its action, why, and what it will do to the cluster.
public struct ObjectPlan: Sendable {
  /// Who the object is.
  public var identity: ObjectIdentity
  /// What happens to it.
  public var action: PlanAction
  /// Why, in one sentence.
  public var reason: String
  /// Consequences worth a reviewer's attention.
  public var impacts: [Impact]
  /// The changed fields, sorted.
  public var changedPointers: [JSONPointer]
  /// Lists whose order alone differs.
  public var orderOnly: [JSONPointer]
  /// The immutable fields that turn an update into a replace.
  public var violations: [ImmutableViolation]
  /// The object as the manifests want it (nil for deletes).
  public var desired: Resource?
  /// The object as recorded in the snapshot (nil for creates).
  public var live: Resource?
  /// `desired` as a plain value, converted once.
  public var desiredValue: Value?
  /// `live` as a plain value, converted once.
  public var liveValue: Value?

  /// Creates a decision.
  public init(
    identity: ObjectIdentity, action: PlanAction, reason: String, impacts: [Impact] = [],
    changedPointers: [JSONPointer] = [], orderOnly: [JSONPointer] = [],
    violations: [ImmutableViolation] = [], desired: Resource? = nil, live: Resource? = nil
  ) {
    self.identity = identity
    self.action = action
    self.reason = reason
    self.impacts = impacts
    self.changedPointers = changedPointers
    self.orderOnly = orderOnly
    self.violations = violations
    self.desired = desired
    self.live = live
    desiredValue = desired?.node.toValue()
    liveValue = live?.node.toValue()
  }
}
