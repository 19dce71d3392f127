public import BosunCore

/// One field that differs between the live object and the desired one.
///
/// `before` is the live value, `after` the desired value; nil means the field is absent on that
/// side. Pointers are relative to the object root (`/spec/replicas`). A differ reports the
/// deepest field that changed, but a change may also sit higher up (a whole `/spec` swapped);
/// the plan handles both.
public struct FieldChange: Hashable, Sendable {
  /// Where the field is, from the object root.
  public var pointer: JSONPointer
  /// The live value; nil when the desired side adds the field.
  public var before: Value?
  /// The desired value; nil when the desired side removes the field.
  public var after: Value?

  /// Creates a field change.
  public init(pointer: JSONPointer, before: Value?, after: Value?) {
    self.pointer = pointer
    self.before = before
    self.after = after
  }
}
