public import BosunCore
public import BosunModel

/// What the plan reads about one object: its desired and live forms and the fields that differ.
///
/// This is the whole contract with a differ. Map a diff result onto it in a few lines:
/// - object only in the manifests: `desired` set, `live` nil, no field changes;
/// - object only in the snapshot: `desired` nil, `live` set (a prune candidate);
/// - object on both sides: both set, `fieldChanges` after normalisation (defaults, server-owned
///   fields and semantic equality already handled), and `orderOnly` for lists whose items
///   match by merge key but come in another order.
public struct ObjectChange: Sendable {
  /// Who the object is (group, kind, namespace, name).
  public var identity: ObjectIdentity
  /// The object as the manifests want it; nil when only the snapshot has it.
  public var desired: Resource?
  /// The object as recorded in the snapshot; nil when the cluster does not have it yet.
  public var live: Resource?
  /// Fields whose values differ, with the live (`before`) and desired (`after`) values.
  public var fieldChanges: [FieldChange]
  /// Lists whose items are the same but whose order differs; never a reason to act.
  public var orderOnly: [JSONPointer]
  /// `desired` and `live` as plain values (`node.toValue()`), when the differ has them already;
  /// nil converts them when needed.
  public var values: (desired: Value, live: Value)?

  /// Creates a change.
  public init(
    identity: ObjectIdentity, desired: Resource?, live: Resource?,
    fieldChanges: [FieldChange] = [], orderOnly: [JSONPointer] = [],
    values: (desired: Value, live: Value)? = nil
  ) {
    self.identity = identity
    self.desired = desired
    self.live = live
    self.fieldChanges = fieldChanges
    self.orderOnly = orderOnly
    self.values = values
  }
}
