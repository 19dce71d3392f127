/// An ordered JSON-like value: what a YAML document means once positions are dropped.
///
/// Mappings keep their key order, so output and diffs follow the author's order.
public enum Value: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([Value])
  case object([(key: String, value: Value)])

  /// The value under `key`, for objects.
  public subscript(key: String) -> Value? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.last(where: { $0.key == key })?.value
  }

  /// The string, for strings.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public static func == (lhs: Value, rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.int(let a), .int(let b)): a == b
    case (.double(let a), .double(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .int(let i): hasher.combine(i)
    case .double(let d): hasher.combine(d)
    case .string(let s): hasher.combine(s)
    case .array(let a): hasher.combine(a)
    case .object(let pairs):
      hasher.combine(pairs.count)
      for pair in pairs {
        hasher.combine(pair.key)
        hasher.combine(pair.value)
      }
    }
  }
}

extension Value {
  /// The value a JSON pointer names below this one; nil when a step is missing. A numeric step
  /// indexes an array, or names a key of an object.
  public func value(at pointer: JSONPointer) -> Value? {
    var current = self
    for token in pointer.tokens {
      switch (token, current) {
      case (.key(let key), .object):
        guard let next = current[key] else { return nil }
        current = next
      case (.index(let index), .array(let items)):
        guard items.indices.contains(index) else { return nil }
        current = items[index]
      case (.key(let key), .array(let items)):
        guard let index = Int(key), items.indices.contains(index) else { return nil }
        current = items[index]
      case (.index(let index), .object):
        guard let next = current[String(index)] else { return nil }
        current = next
      default:
        return nil
      }
    }
    return current
  }
}
