import BosunModel
import BosunYAML

/// An int-or-percent budget (`maxSurge`, `maxUnavailable`, `minAvailable`) checked as apps
/// validation does: `ValidatePositiveIntOrPercent` accepts a non-negative integer or a string
/// matching `^[0-9]+%$` (apimachinery `IsValidPercent`).
struct DisruptionBudget {
  /// The value as written.
  var value: IntOrString

  /// Reads a node; nil when absent or null.
  init?(_ node: Node?) {
    guard let node, !node.isNull else { return nil }
    if let number = node.intValue, let int = Int(exactly: number) {
      value = .int(int)
    } else {
      value = .string(node.scalarText ?? "")
    }
  }

  /// The percentage, for a valid percent string.
  var percent: Int? {
    guard case .string(let text) = value, text.hasSuffix("%") else { return nil }
    let digits = text.dropLast()
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(digits)
  }

  /// The count, for an integer.
  var count: Int? {
    if case .int(let number) = value { return number }
    return nil
  }

  /// Why the API server rejects the value, or nil.
  var problem: String? {
    switch value {
    case .int(let number) where number < 0:
      "must be a non-negative count or a percent such as 25%"
    case .string where percent == nil:
      "must be a non-negative count or a percent such as 25% (digits followed by %)"
    default: nil
    }
  }

  /// Whether it amounts to zero (apps validation `getIntOrPercentValue`).
  var isZero: Bool { count == 0 || percent == 0 }
}
