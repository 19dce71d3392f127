import BosunYAML

/// An int-or-string field read for validation: a count, or a percent string `N%`.
///
/// Mirrors the checks in apps/validation `ValidatePositiveIntOrPercent` and
/// `IsNotMoreThan100Percent`; not a general IntOrString.
enum PercentOrCount: Equatable {
  case count(Int64)
  case percent(Int64)
  /// A string that is not `digits%`, or a negative count.
  case invalid(String)

  /// Reads a node; nil when absent or null.
  init?(_ node: Node?) {
    guard let node, !node.isNull else { return nil }
    if let number = node.intValue {
      self = number < 0 ? .invalid(String(number)) : .count(number)
      return
    }
    let text = node.scalarText ?? ""
    if text.hasSuffix("%"), let number = Int64(text.dropLast()), text.first != "+",
      text.first != "-"
    {
      self = .percent(number)
    } else {
      self = .invalid(text)
    }
  }

  /// Whether it is zero, as a count or a percent.
  var isZero: Bool { self == .count(0) || self == .percent(0) }
}
