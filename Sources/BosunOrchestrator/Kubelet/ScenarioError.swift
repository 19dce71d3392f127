public import BosunCore

/// Why a scenario file cannot be used: a stable code, where in the file, and what to do.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The code of every scenario error.
  public static let invalidCode = "simulate.scenario-invalid"

  /// Stable code (`simulate.scenario-invalid`).
  public var code: String
  /// The offending field (`/images/registry~1web:2.0/neverReady`); the root for a file that
  /// cannot be parsed at all.
  public var pointer: JSONPointer
  /// Lowercase, no trailing period.
  public var message: String
  /// Where in the file, when the scenario was read from text.
  public var location: SourceLocation?

  /// Creates an error.
  public init(
    code: String = ScenarioError.invalidCode, pointer: JSONPointer, message: String,
    location: SourceLocation? = nil
  ) {
    self.code = code
    self.pointer = pointer
    self.message = message
    self.location = location
  }

  /// `file:line:column: <pointer>: <message>`, as much of it as is known.
  public var description: String {
    var text = location.map { "\($0): " } ?? ""
    if !pointer.tokens.isEmpty { text += "\(pointer): " }
    return text + message
  }

  /// The error as a diagnostic.
  public var diagnostic: Diagnostic {
    Diagnostic(.error, code: code, message: message, location: location, pointer: pointer)
  }
}
