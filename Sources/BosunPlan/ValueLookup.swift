import BosunCore

extension Value {
  /// The string entries of an object value (`data`, `labels`).
  var stringEntries: [String: String] {
    guard case .object(let pairs) = self else { return [:] }
    var result: [String: String] = [:]
    for pair in pairs { if let text = pair.value.stringValue { result[pair.key] = text } }
    return result
  }

  /// The items of an array value, empty otherwise.
  var items: [Value] {
    if case .array(let items) = self { return items }
    return []
  }
}

extension JSONPointer {
  /// Whether `self` is `other` or lies below it.
  func isWithin(_ other: JSONPointer) -> Bool {
    tokens.count >= other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
  }

  /// The steps of `self` after the prefix `base`; call only when `isWithin(base)`.
  func relative(to base: JSONPointer) -> JSONPointer {
    JSONPointer(tokens: Array(tokens.dropFirst(base.tokens.count)))
  }
}
