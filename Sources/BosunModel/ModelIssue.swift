public import BosunCore

/// A problem found while reading an object into a typed view: a field of the wrong shape, a
/// value that does not parse, an invalid selector.
///
/// Issues carry a pointer, never a position; the engine maps the pointer to `file:line:column`.
/// Tools match on `code` and `pointer`, never on `message`.
public struct ModelIssue: Hashable, Sendable, CustomStringConvertible {
  /// A field holds the wrong kind of YAML node (a string where a mapping belongs).
  public static let fieldType = "object.field-type"
  /// A field has the right shape but a value that does not parse (`memory: 1GB`).
  public static let fieldValue = "object.field-value"

  /// Stable code such as `object.field-type` or `selector.values-required`.
  public var code: String
  /// Where in the object.
  public var pointer: JSONPointer
  /// Lowercase, no trailing period, says what to do.
  public var message: String

  /// Creates an issue.
  public init(code: String, pointer: JSONPointer, message: String) {
    self.code = code
    self.pointer = pointer
    self.message = message
  }

  /// `<pointer>: <message> [<code>]`.
  public var description: String { "\(pointer): \(message) [\(code)]" }

  /// The issue as a diagnostic of the given severity.
  public func diagnostic(
    severity: Severity = .error, object: ObjectReference? = nil, location: SourceLocation? = nil
  ) -> Diagnostic {
    Diagnostic(
      severity, code: code, message: message, location: location, pointer: pointer,
      object: object)
  }
}
