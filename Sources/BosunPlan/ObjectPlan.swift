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
  /// `desired` as a plain value: converted on each read until `convertValues()` keeps it.
  public var desiredValue: Value? {
    get { if let kept = keptDesiredValue { kept } else { desired?.node.toValue() } }
    set { keptDesiredValue = .some(newValue) }
  }
  /// `live` as a plain value: converted on each read until `convertValues()` keeps it.
  public var liveValue: Value? {
    get { if let kept = keptLiveValue { kept } else { live?.node.toValue() } }
    set { keptLiveValue = .some(newValue) }
  }
  /// The kept conversions; nil until converted (most objects of a plan stay unchanged, and
  /// nothing reads their values).
  private var keptDesiredValue: Value??
  private var keptLiveValue: Value??

  /// Creates a decision.
  public init(
    identity: ObjectIdentity, action: PlanAction, reason: String, impacts: [Impact] = [],
    changedPointers: [JSONPointer] = [], orderOnly: [JSONPointer] = [],
    violations: [ImmutableViolation] = [], desired: Resource? = nil, live: Resource? = nil
  ) {
    self.init(
      identity: identity, action: action, reason: reason, impacts: impacts,
      changedPointers: changedPointers, orderOnly: orderOnly, violations: violations,
      desired: desired, live: live, values: nil)
  }

  /// Creates a decision with `desired` and `live` already converted to `values`, as
  /// `convertValues()` would leave it; nil `values` leaves them to be converted on each read.
  init(
    identity: ObjectIdentity, action: PlanAction, reason: String, impacts: [Impact] = [],
    changedPointers: [JSONPointer], orderOnly: [JSONPointer], violations: [ImmutableViolation],
    desired: Resource?, live: Resource?, values: (desired: Value?, live: Value?)?
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
    keptDesiredValue = values.map(\.desired)
    keptLiveValue = values.map(\.live)
  }

  /// Converts `desired` and `live` to plain values once, for objects whose values are read
  /// several times.
  public mutating func convertValues() {
    if keptDesiredValue == nil { keptDesiredValue = .some(desired?.node.toValue()) }
    if keptLiveValue == nil { keptLiveValue = .some(live?.node.toValue()) }
  }
}
