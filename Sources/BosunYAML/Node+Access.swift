public import BosunCore

extension Node {
  /// The scalar text, for scalars.
  public var scalarText: String? {
    if case .scalar(let text) = content { return text }
    return nil
  }

  /// The pairs, for mappings.
  public var pairs: [Pair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// The items, for sequences.
  public var items: [Node]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// Whether this is a null scalar (`~`, `null`, empty).
  public var isNull: Bool {
    guard case .scalar(let text) = content else { return false }
    if let tag = details?.tag, tag != "?" { return resolved == .null }
    // Untagged, only plain `~`, `null`, `Null`, `NULL` or nothing at all is null (go-yaml v2's
    // table); no number or other word is, so nothing else needs typing.
    guard style == .plain else { return false }
    switch text.utf8.count {
    case 0: return true
    case 1: return text == "~"
    case 4: return text == "null" || text == "Null" || text == "NULL"
    default: return false
    }
  }

  /// The pair whose key is `key`, for mappings.
  ///
  /// Keys match by their text, or else by their JSON form, so `/data/true` finds a key written
  /// `on` (YAML 1.1 reads it as the boolean true, and JSON pointers speak of it as `true`).
  public func pair(_ key: String) -> Pair? {
    guard case .mapping(let pairs) = content else { return nil }
    if let found = pairs.last(where: { $0.key.scalarText == key }) { return found }
    // Only keys typed as bool, null or a number have a JSON form unlike their text.
    guard Self.mayBeTypedKey(key) else { return nil }
    return pairs.last { $0.key.keyString == key }
  }

  private static func mayBeTypedKey(_ key: String) -> Bool {
    guard let first = key.utf8.first else { return false }
    return key == "true" || key == "false" || key == "null"
      || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "-")
      || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
  }

  /// The value under `key`, for mappings.
  public subscript(key: String) -> Node? { pair(key)?.value }

  /// The item at `index`, for sequences.
  public subscript(index: Int) -> Node? {
    guard case .sequence(let items) = content, items.indices.contains(index) else { return nil }
    return items[index]
  }

  /// The node a pointer names, or nil when some step does not exist.
  public func node(at pointer: JSONPointer) -> Node? {
    var current = self
    for token in pointer.tokens {
      guard let next = current.child(token) else { return nil }
      current = next
    }
    return current
  }

  private func child(_ token: JSONPointer.Token) -> Node? {
    switch (token, content) {
    case (.key(let key), .mapping): return self[key]
    case (.index(let index), .sequence): return self[index]
    case (.index(let index), .mapping): return self[String(index)]
    default: return nil
    }
  }

  /// Where to report a finding about `pointer`.
  ///
  /// A field is reported at its key; a list item at the item; a field that does not exist at
  /// the nearest existing parent (`exact` is then false).
  public func location(of pointer: JSONPointer) -> (mark: Mark, exact: Bool) {
    var current = self
    var mark = self.mark
    for token in pointer.tokens {
      switch (token, current.content) {
      case (.key, .mapping), (.index, .mapping):
        let name = token.text
        guard let pair = current.pair(name) else { return (mark, false) }
        mark = pair.key.mark
        current = pair.value
      case (.index(let index), .sequence(let items)):
        guard items.indices.contains(index) else { return (mark, false) }
        mark = items[index].mark
        current = items[index]
      default:
        return (mark, false)
      }
    }
    return (mark, true)
  }

  /// Where the value (not the key) named by `pointer` starts, or the nearest parent.
  public func valueMark(of pointer: JSONPointer) -> Mark {
    node(at: pointer)?.mark ?? location(of: pointer).mark
  }

  /// The plain value: YAML 1.1 typing applied, positions dropped.
  public func toValue() -> Value {
    switch content {
    case .scalar(let text):
      switch resolved ?? .string(text) {
      case .null: return .null
      case .bool(let b): return .bool(b)
      case .int(let i): return .int(i)
      case .float(let f): return .double(f)
      case .string(let s): return .string(s)
      }
    case .sequence(let items): return .array(items.map { $0.toValue() })
    case .mapping(let pairs):
      return .object(pairs.map { (key: $0.key.keyString, value: $0.value.toValue()) })
    }
  }

  /// A key as JSON sees it: sigs.k8s.io/yaml turns non-string keys into their string form.
  public var keyString: String { stringKey ?? "" }
}
