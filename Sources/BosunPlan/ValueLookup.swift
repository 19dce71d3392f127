import BosunCore
import BosunYAML

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

/// A document whose fields can be read as plain values: a `Value`, or a `Node` that converts
/// only the field asked for.
protocol FieldSource {
  /// The field `pointer` names, as a plain value; nil when a step is missing.
  func value(at pointer: JSONPointer) -> Value?
}

extension Value: FieldSource {}

extension Node: FieldSource {}

extension Node {
  /// What `toValue().value(at: pointer)` would be, converting only the node it names: keys
  /// match by their JSON form, a numeric step indexes a sequence or names a key.
  func value(at pointer: JSONPointer) -> Value? {
    var current = self
    for token in pointer.tokens {
      switch (token, current.content) {
      case (.key(let key), .mapping(let pairs)):
        guard let pair = pairs.last(where: { $0.key.keyString == key }) else { return nil }
        current = pair.value
      case (.index(let index), .sequence(let items)):
        guard items.indices.contains(index) else { return nil }
        current = items[index]
      case (.key(let key), .sequence(let items)):
        guard let index = Int(key), items.indices.contains(index) else { return nil }
        current = items[index]
      case (.index(let index), .mapping(let pairs)):
        let key = String(index)
        guard let pair = pairs.last(where: { $0.key.keyString == key }) else { return nil }
        current = pair.value
      default:
        return nil
      }
    }
    return current.toValue()
  }
}
