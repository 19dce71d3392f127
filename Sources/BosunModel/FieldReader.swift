import BosunCore
import BosunYAML

/// The issues found while reading one object, shared by every reader of that object.
final class IssueLog {
  private(set) var issues: [ModelIssue] = []

  func add(_ code: String, at pointer: JSONPointer, _ message: String) {
    issues.append(ModelIssue(code: code, pointer: pointer, message: message))
  }

  func wrongType(at pointer: JSONPointer, expected: String, found node: Node) {
    let name = pointer.tokens.last.map { "`\($0.text)`" } ?? "the document"
    add(
      ModelIssue.fieldType, at: pointer,
      "\(name) must be \(expected), found \(FieldReader.describe(node))")
  }
}

/// Reads the fields of one mapping, recording a positioned issue for every field of the wrong
/// shape and returning nil for it, so a view never holds a silently wrong value.
///
/// An absent field and an explicit `null` both read as nil, as they do for the API server.
struct FieldReader {
  /// The mapping, or nil when it is absent, null, or not a mapping.
  let node: Node?
  /// Where the mapping is.
  let pointer: JSONPointer
  let log: IssueLog

  /// A reader for `node` at `pointer`; a non-mapping node is recorded as an issue.
  init(_ node: Node?, at pointer: JSONPointer, log: IssueLog) {
    self.pointer = pointer
    self.log = log
    guard let node, !node.isNull else {
      self.node = nil
      return
    }
    if node.pairs == nil {
      log.wrongType(at: pointer, expected: "a mapping", found: node)
      self.node = nil
    } else {
      self.node = node
    }
  }

  /// Whether the mapping exists.
  var exists: Bool { node != nil }

  /// The pointer to a field.
  func pointer(_ key: String) -> JSONPointer { pointer.appending(key) }

  /// The field's node, nil when absent or null.
  func raw(_ key: String) -> Node? {
    guard let value = node?[key], !value.isNull else { return nil }
    return value
  }

  /// A string field; numbers and booleans are wrong shapes, as they are for the API server.
  func string(_ key: String) -> String? {
    guard let value = raw(key) else { return nil }
    if case .string(let text) = value.resolved { return text }
    log.wrongType(at: pointer(key), expected: "a string", found: value)
    return nil
  }

  /// An integer field; a whole float such as `3.0` is accepted, as JSON decoding does.
  /// Most Kubernetes integers are `int32`; pass `bits: 64` for the `int64` ones (seconds,
  /// user and group ids), so an out-of-range value is an issue as it is for the API server.
  func int(_ key: String, bits: Int = 32) -> Int? {
    guard let value = raw(key) else { return nil }
    let number: Int
    switch value.resolved {
    case .int(let whole): number = Int(whole)
    case .float(let float) where float.rounded() == float && abs(float) < 9.0e18:
      number = Int(float)
    default:
      log.wrongType(at: pointer(key), expected: "an integer", found: value)
      return nil
    }
    if bits == 32, number < Int(Int32.min) || number > Int(Int32.max) {
      log.add(
        ModelIssue.fieldValue, at: pointer(key),
        "`\(key)` is \(number), outside the 32-bit range the API accepts "
          + "(\(Int32.min) to \(Int32.max))")
      return nil
    }
    return number
  }

  /// A boolean field.
  func bool(_ key: String) -> Bool? {
    guard let value = raw(key) else { return nil }
    if case .bool(let flag) = value.resolved { return flag }
    log.wrongType(at: pointer(key), expected: "a boolean", found: value)
    return nil
  }

  /// A quantity field (`cpu: 500m`, `memory: 1Gi`, `cpu: 2`).
  func quantity(_ key: String) -> Quantity? {
    guard let value = raw(key) else { return nil }
    return Self.quantity(value, at: pointer(key), log: log)
  }

  /// An int-or-string field (`maxSurge: 25%`, `port: 80`, `targetPort: http`).
  func intOrString(_ key: String) -> IntOrString? {
    guard let value = raw(key) else { return nil }
    switch value.resolved {
    case .int(let number): return .int(Int(number))
    case .string(let text): return .string(text)
    default:
      log.wrongType(at: pointer(key), expected: "an integer or a string", found: value)
      return nil
    }
  }

  /// A nested mapping; absent or wrong-shaped mappings read as an empty reader.
  func object(_ key: String) -> FieldReader {
    FieldReader(raw(key), at: pointer(key), log: log)
  }

  /// The items of a sequence field, each as a mapping reader at `/key/<index>`.
  func objects(_ key: String) -> [FieldReader] {
    items(key).map { FieldReader($0.node, at: $0.pointer, log: log) }
  }

  /// The items of a sequence field, each read by `make` in document order, so issues come
  /// out in the order they appear.
  func objects<Item>(_ key: String, _ make: (FieldReader) -> Item) -> [Item] {
    items(key).map { make(FieldReader($0.node, at: $0.pointer, log: log)) }
  }

  /// The items of a sequence field with their pointers; a non-sequence is an issue.
  func items(_ key: String) -> [(node: Node, pointer: JSONPointer)] {
    guard let value = raw(key) else { return [] }
    guard let items = value.items else {
      log.wrongType(at: pointer(key), expected: "a list", found: value)
      return []
    }
    return items.enumerated().map { ($0.element, pointer(key).appending($0.offset)) }
  }

  /// A list of strings; wrong-shaped items are issues and left out.
  func strings(_ key: String) -> [String] {
    items(key).compactMap { item in
      if case .string(let text) = item.node.resolved { return text }
      log.wrongType(at: item.pointer, expected: "a string", found: item.node)
      return nil
    }
  }

  /// A map of strings to strings (labels, annotations, `data`, `nodeSelector`).
  func stringMap(_ key: String) -> [String: String] {
    let map = object(key)
    var result: [String: String] = [:]
    for pair in map.node?.pairs ?? [] {
      let name = pair.key.keyString
      if pair.value.isNull { continue }
      if case .string(let text) = pair.value.resolved {
        result[name] = text
      } else {
        log.wrongType(at: map.pointer(name), expected: "a string", found: pair.value)
      }
    }
    return result
  }

  /// A map of resource names to quantities (`requests`, `limits`, `allocatable`).
  func quantityMap(_ key: String) -> [String: Quantity] {
    let map = object(key)
    var result: [String: Quantity] = [:]
    for pair in map.node?.pairs ?? [] where !pair.value.isNull {
      let name = pair.key.keyString
      if let quantity = Self.quantity(pair.value, at: map.pointer(name), log: log) {
        result[name] = quantity
      }
    }
    return result
  }

  static func quantity(_ node: Node, at pointer: JSONPointer, log: IssueLog) -> Quantity? {
    let text: String
    switch node.resolved {
    case .string(let value): text = value
    case .int(let value):
      text = node.scalarText.flatMap { Int64($0) } != nil ? node.scalarText! : String(value)
    case .float: text = node.scalarText ?? ""
    default:
      log.wrongType(at: pointer, expected: "a quantity such as 500m or 1Gi", found: node)
      return nil
    }
    do {
      return try Quantity(parsing: text)
    } catch {
      log.add(
        ModelIssue.fieldValue, at: pointer,
        "\"\(text)\" is not a quantity: \(error.message); write it like 500m, 2, 256Mi or 1Gi")
      return nil
    }
  }

  /// A short description of a node for messages: `the string "three"`, `a mapping`.
  static func describe(_ node: Node) -> String {
    switch node.content {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let text):
      switch node.resolved {
      case .null: return "null"
      case .bool: return "the boolean \(text)"
      case .int, .float: return "the number \(text)"
      default: return "the string \"\(text)\""
      }
    }
  }
}

extension FieldReader {
  /// Reads a whole object with a fresh issue log.
  static func decode<View>(
    _ node: Node, at pointer: JSONPointer, _ make: (FieldReader) -> View
  ) -> (View, [ModelIssue]) {
    let log = IssueLog()
    let view = make(FieldReader(node, at: pointer, log: log))
    return (view, log.issues)
  }
}
