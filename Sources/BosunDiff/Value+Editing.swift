import BosunCore

/// Small editing helpers on the ordered `Value`, used by the normaliser and the merge.
extension Value {
  /// The pairs of an object, or nil.
  var objectPairs: [(key: String, value: Value)]? {
    if case .object(let pairs) = self { return pairs }
    return nil
  }

  /// The items of an array, or nil.
  var arrayItems: [Value]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// Whether this is an object.
  var isObject: Bool { objectPairs != nil }

  /// Sets `key` in an object (replacing in place, or appending); no effect on non-objects.
  mutating func set(_ key: String, _ value: Value) {
    guard case .object(var pairs) = self else { return }
    if let index = pairs.firstIndex(where: { $0.key == key }) {
      pairs[index].value = value
    } else {
      pairs.append((key: key, value: value))
    }
    self = .object(pairs)
  }

  /// Removes `key` from an object; returns whether it was there.
  @discardableResult
  mutating func remove(_ key: String) -> Bool {
    guard case .object(var pairs) = self else { return false }
    let before = pairs.count
    pairs.removeAll { $0.key == key }
    self = .object(pairs)
    return pairs.count != before
  }

  /// Applies `edit` to the value under `key` when present.
  mutating func update(_ key: String, _ edit: (inout Value) -> Void) {
    guard case .object(var pairs) = self,
      let index = pairs.firstIndex(where: { $0.key == key })
    else { return }
    self = .null  // drop the reference so the edit below does not copy the tree
    edit(&pairs[index].value)
    self = .object(pairs)
  }

  /// Applies `edit` to every item of an array.
  mutating func updateItems(_ edit: (inout Value) -> Void) {
    guard case .array(var items) = self else { return }
    self = .null
    for index in items.indices { edit(&items[index]) }
    self = .array(items)
  }

  /// Whether this is null, an empty object or an empty array: what `omitempty` leaves out.
  var isEmptyValue: Bool {
    switch self {
    case .null: true
    case .object(let pairs): pairs.isEmpty
    case .array(let items): items.isEmpty
    default: false
    }
  }

  /// A copy with nulls and empty objects and arrays left out of every object, deepest first, so
  /// that absent, null and empty compare equal (the API server's `omitempty`). Array items stay
  /// where they are so that indexes keep pointing into the manifest.
  func prunedOfEmpties() -> Value {
    switch self {
    case .object(let pairs):
      var kept: [(key: String, value: Value)] = []
      kept.reserveCapacity(pairs.count)
      for pair in pairs {
        let value = pair.value.prunedOfEmpties()
        if !value.isEmptyValue { kept.append((key: pair.key, value: value)) }
      }
      return .object(kept)
    case .array(let items):
      return .array(items.map { $0.prunedOfEmpties() })
    default:
      return self
    }
  }

  /// A short one-line rendering for keys and messages (`web`, `8080`, `true`).
  var scalarDescription: String {
    switch self {
    case .null: "null"
    case .bool(let b): String(b)
    case .int(let i): String(i)
    case .double(let d): String(d)
    case .string(let s): s
    case .array(let items): "[" + items.map(\.scalarDescription).joined(separator: ",") + "]"
    case .object(let pairs):
      "{" + pairs.map { "\($0.key):\($0.value.scalarDescription)" }.joined(separator: ",") + "}"
    }
  }
}
