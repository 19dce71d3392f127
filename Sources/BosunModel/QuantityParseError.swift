/// Why a string is not a quantity; the reasons and messages are upstream's three parse errors.
public struct QuantityParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: String, Hashable, Sendable {
    /// Empty, or not shaped like number-then-suffix (upstream `ErrFormatWrong`).
    case formatWrong = "format-wrong"
    /// The number part cannot be read (upstream `ErrNumeric`).
    case numeric
    /// The suffix is not one Kubernetes knows (upstream `ErrSuffix`).
    case suffix
  }

  /// What went wrong.
  public var reason: Reason
  /// The text that failed to parse.
  public var text: String

  /// Creates an error.
  public init(_ reason: Reason, text: String) {
    self.reason = reason
    self.text = text
  }

  /// The regular expression upstream quotes in its format error.
  public static let pattern = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$"

  /// Upstream's message for the reason.
  public var message: String {
    switch reason {
    case .formatWrong: "quantities must match the regular expression '\(Self.pattern)'"
    case .numeric: "unable to parse numeric part of quantity"
    case .suffix: "unable to parse quantity's suffix"
    }
  }

  /// `"<text>": <message>`.
  public var description: String { "\"\(text)\": \(message)" }
}
