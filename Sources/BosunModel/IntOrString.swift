/// A field that holds either an integer or a string, such as `maxSurge: 25%` or
/// `targetPort: http`.
///
/// Mirrors k8s.io/apimachinery `pkg/util/intstr/intstr.go`.
public enum IntOrString: Hashable, Sendable, CustomStringConvertible {
  /// An integer (`maxUnavailable: 1`).
  case int(Int)
  /// A string (`maxUnavailable: "25%"`, `targetPort: http`).
  case string(String)

  /// Why a value cannot be scaled against a total.
  public enum ScalingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A string without a trailing `%`.
    case notAPercentage(String)
    /// A `%` string whose number is not an integer (`"2.5%"`).
    case invalidPercentage(String)

    /// Upstream's wording: `invalid value for IntOrString: ...`.
    public var description: String {
      switch self {
      case .notAPercentage:
        "invalid value for IntOrString: invalid type: string is not a percentage"
      case .invalidPercentage(let text):
        "invalid value for IntOrString: invalid value \"\(text)\": strconv.Atoi: parsing "
          + "\"\(text.dropLast())\": invalid syntax"
      }
    }
  }

  /// The integer, or the string as written.
  public var description: String {
    switch self {
    case .int(let value): String(value)
    case .string(let text): text
    }
  }

  /// The absolute number this value stands for out of `total`: integers as they are,
  /// percentages of `total` rounded up or down.
  ///
  /// Mirrors upstream `GetScaledValueFromIntOrPercent`: `"25%"` of 10 is 3 rounded up and 2
  /// rounded down; a string without `%` is an error, even if it looks like a number.
  public func scaledValue(total: Int, roundUp: Bool) throws(ScalingError) -> Int {
    switch self {
    case .int(let value):
      return value
    case .string(let text):
      guard text.hasSuffix("%") else { throw .notAPercentage(text) }
      guard let percent = Self.goAtoi(text.dropLast()) else { throw .invalidPercentage(text) }
      let scaled = Double(percent) * Double(total) / 100
      return Int(roundUp ? scaled.rounded(.up) : scaled.rounded(.down))
    }
  }

  /// Whether the value is a string ending in `%`.
  public var isPercentage: Bool {
    if case .string(let text) = self { return text.hasSuffix("%") }
    return false
  }

  /// Go's `strconv.Atoi`: optional sign, decimal digits only.
  private static func goAtoi(_ text: Substring) -> Int? {
    var digits = text
    if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }
}
