public import BosunCore
import BosunModel

/// One row of the immutability table: a field the API server refuses to update, so changing it
/// means deleting the object and creating it again.
///
/// Mirrors the `ValidateXxxUpdate` functions of the upstream API validation packages; each row
/// names the one it pins in `upstream`.
public struct ImmutableFieldRule: Hashable, Sendable {
  /// When the rule applies.
  public enum Condition: Hashable, Sendable {
    /// Always.
    case always
    /// Unless the live or the desired Service is `type: ExternalName` (which has no cluster IP).
    case neitherIsExternalName
    /// Only when the live object has `immutable: true` (ConfigMap, Secret).
    case liveMarkedImmutable
  }

  /// What counts as a forbidden change.
  public enum Check: Hashable, Sendable {
    /// Any difference.
    case anyChange
    /// A quantity that gets smaller (PVC storage requests may only grow).
    case decrease
  }

  /// Stable id, e.g. `deployment-selector`.
  public var id: String
  /// API group of the kind (`apps`, empty for core).
  public var group: String
  /// Kind, or `*` for every kind.
  public var kind: String
  /// The immutable field, or the subtree that is immutable except for `exceptions`.
  public var pattern: PointerPattern
  /// Fields below `pattern` that may change in place.
  public var exceptions: [PointerPattern]
  /// When the rule applies.
  public var condition: Condition
  /// What counts as a change.
  public var check: Check
  /// Whether leaving the field out of the manifest is fine (the server keeps what it assigned,
  /// as with a Service's allocated `clusterIP` or a bound PVC's `volumeName`).
  public var unsetKeepsLiveValue: Bool
  /// The upstream validation the rule mirrors.
  public var upstream: String

  /// Creates a rule.
  public init(
    id: String, group: String, kind: String, pattern: PointerPattern,
    exceptions: [PointerPattern] = [], condition: Condition = .always,
    check: Check = .anyChange, unsetKeepsLiveValue: Bool = false, upstream: String
  ) {
    self.id = id
    self.group = group
    self.kind = kind
    self.pattern = pattern
    self.exceptions = exceptions
    self.condition = condition
    self.check = check
    self.unsetKeepsLiveValue = unsetKeepsLiveValue
    self.upstream = upstream
  }

  /// Whether the rule concerns objects of this group and kind.
  public func applies(toGroup group: String, kind: String) -> Bool {
    self.kind == "*" || (self.kind == kind && self.group == group)
  }

  /// Whether `change` alters a field this rule protects. `live` and `desired` are the whole
  /// objects, read only for conditions (Service type, `immutable: true`).
  public func isViolated(by change: FieldChange, live: Value?, desired: Value?) -> Bool {
    switch condition {
    case .always: break
    case .neitherIsExternalName:
      let types = [live, desired].map { $0?["spec"]?["type"]?.stringValue }
      if types.contains("ExternalName") { return false }
    case .liveMarkedImmutable:
      guard live?["immutable"] == .bool(true) else { return false }
    }
    let before: [(pointer: JSONPointer, value: Value)]
    let after: [(pointer: JSONPointer, value: Value)]
    if pattern.contains(change.pointer) {
      before = change.before.map { [(.root, $0)] } ?? []
      after = change.after.map { [(.root, $0)] } ?? []
    } else if pattern.isBelow(change.pointer) {
      let rest = pattern.remainder(after: change.pointer)
      before = rest.expand(change.before)
      after = rest.expand(change.after)
    } else {
      return false
    }
    let kept = { (entries: [(pointer: JSONPointer, value: Value)]) in
      entries.compactMap { entry -> (JSONPointer, Value)? in
        let full = change.pointer.appending(entry.pointer)
        var value = entry.value
        for exception in exceptions {
          if exception.contains(full) { return nil }
          if exception.isBelow(full) {
            value = exception.remainder(after: full).removing(from: value)
          }
        }
        return (entry.pointer, value)
      }
    }
    let oldValues = kept(before)
    let newValues = kept(after)
    if unsetKeepsLiveValue, newValues.allSatisfy({ $0.1 == .string("") || $0.1 == .null }) {
      return false
    }
    switch check {
    case .anyChange:
      return oldValues.map(\.0) != newValues.map(\.0) || oldValues.map(\.1) != newValues.map(\.1)
    case .decrease:
      guard let old = oldValues.first?.1.quantity, let new = newValues.first?.1.quantity else {
        return false
      }
      return new < old
    }
  }
}

extension Value {
  /// A resource quantity written as a string or a number.
  var quantity: Quantity? {
    switch self {
    case .string(let text): try? Quantity(parsing: text)
    case .int(let number): Quantity(number)
    case .double(let number): try? Quantity(parsing: String(number))
    default: nil
    }
  }
}
