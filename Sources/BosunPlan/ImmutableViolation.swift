public import BosunCore

/// A field change that the API server would reject on update, with the rule that says so.
public struct ImmutableViolation: Hashable, Sendable {
  /// The changed field, as the differ reported it.
  public var pointer: JSONPointer
  /// The table row it breaks.
  public var rule: ImmutableFieldRule

  /// Creates a violation.
  public init(pointer: JSONPointer, rule: ImmutableFieldRule) {
    self.pointer = pointer
    self.rule = rule
  }

  /// Every violation in `change`, per the immutability table.
  public static func find(in change: ObjectChange) -> [ImmutableViolation] {
    find(in: change, live: change.live?.node.toValue(), desired: change.desired?.node.toValue())
  }

  /// Every violation in `change`, with the objects already converted to values.
  static func find(in change: ObjectChange, live: Value?, desired: Value?) -> [ImmutableViolation] {
    let rules = ImmutableFields.rules(group: change.identity.group, kind: change.identity.kind)
    guard !rules.isEmpty else { return [] }
    var found: [ImmutableViolation] = []
    for fieldChange in change.fieldChanges {
      for rule in rules where rule.isViolated(by: fieldChange, live: live, desired: desired) {
        found.append(ImmutableViolation(pointer: fieldChange.pointer, rule: rule))
      }
    }
    return found
  }
}
