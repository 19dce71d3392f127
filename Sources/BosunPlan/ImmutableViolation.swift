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
    let rules = ImmutableFields.rules(group: change.identity.group, kind: change.identity.kind)
    guard !rules.isEmpty else { return [] }
    let live = change.live?.node.toValue()
    let desired = change.desired?.node.toValue()
    var found: [ImmutableViolation] = []
    for fieldChange in change.fieldChanges {
      for rule in rules where rule.isViolated(by: fieldChange, live: live, desired: desired) {
        found.append(ImmutableViolation(pointer: fieldChange.pointer, rule: rule))
      }
    }
    return found
  }
}
