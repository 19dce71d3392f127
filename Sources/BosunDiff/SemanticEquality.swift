import BosunCore
import BosunModel

/// Value equality as the API server sees it: quantities by value (`1000m` == `1`,
/// `1Gi` == `1024Mi`), `1` == `1.0`, map keys in any order.
enum SemanticEquality {
  /// Map keys whose values are resource quantities, by the key of the map holding them.
  private static let quantityMaps: Set<String> = [
    "limits", "requests", "hard", "capacity", "allocatable", "overhead", "max", "min",
    "default", "defaultRequest", "maxLimitRequestRatio",
  ]
  /// Fields that are quantities themselves.
  private static let quantityFields: Set<String> = ["sizeLimit", "averageValue", "divisor"]

  /// Whether the field at the end of `path` holds a quantity.
  static func isQuantity(path: [String]) -> Bool {
    guard let last = path.last else { return false }
    if quantityFields.contains(last) { return true }
    if path.count >= 2 {
      let parent = path[path.count - 2]
      if quantityMaps.contains(parent) { return true }
      if parent == "target" && last == "value" { return true }
    }
    return false
  }

  static func equal(_ lhs: Value, _ rhs: Value, path: [String]) -> Bool {
    if lhs == rhs { return true }
    switch (lhs, rhs) {
    case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
      return Double(a) == b
    case (.object(let a), .object(let b)):
      guard a.count == b.count else { return false }
      return a.allSatisfy { pair in
        rhs[pair.key].map { equal(pair.value, $0, path: path + [pair.key]) } ?? false
      }
    case (.array(let a), .array(let b)):
      guard a.count == b.count else { return false }
      return zip(a, b).allSatisfy { equal($0, $1, path: path + ["*"]) }
    default:
      guard isQuantity(path: path), let a = quantity(lhs), let b = quantity(rhs) else {
        return false
      }
      return a == b
    }
  }

  private static func quantity(_ value: Value) -> Quantity? {
    switch value {
    case .string(let text): try? Quantity(parsing: text)
    case .int(let number): Quantity(number)
    case .double(let number): try? Quantity(parsing: String(number))
    default: nil
    }
  }
}
