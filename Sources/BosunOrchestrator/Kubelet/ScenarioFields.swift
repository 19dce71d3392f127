import BosunCore

/// One mapping of a scenario file, read strictly: unknown keys and wrong types are errors
/// naming the field's pointer, never ignored.
struct ScenarioFields {
  let pairs: [(key: String, value: Value)]
  let pointer: JSONPointer

  /// Reads `value` as a mapping whose keys are all in `allowed` (any key when nil).
  init(_ value: Value, at pointer: JSONPointer, allowed: Set<String>?) throws(ScenarioError) {
    guard case .object(let pairs) = value else {
      throw ScenarioError(pointer: pointer, message: "expected a mapping, got \(Self.kind(value))")
    }
    if let allowed, let unknown = pairs.first(where: { !allowed.contains($0.key) }) {
      let expected = allowed.sorted().joined(separator: ", ")
      throw ScenarioError(
        pointer: pointer.appending(unknown.key),
        message: "unknown field \"\(unknown.key)\"; expected one of \(expected)")
    }
    self.pairs = pairs
    self.pointer = pointer
  }

  private func value(_ key: String) -> Value? {
    pairs.last(where: { $0.key == key })?.value
  }

  private func mismatch(_ key: String, _ expected: String, _ value: Value) -> ScenarioError {
    ScenarioError(
      pointer: pointer.appending(key), message: "expected \(expected), got \(Self.kind(value))")
  }

  /// The mapping under `key`, or nil when the key is missing.
  func fields(_ key: String, allowed: Set<String>?) throws(ScenarioError) -> ScenarioFields? {
    guard let value = value(key) else { return nil }
    if value == .null { return nil }
    return try ScenarioFields(value, at: pointer.appending(key), allowed: allowed)
  }

  /// The list of mappings under `key`, or nil when the key is missing.
  func items(_ key: String, allowed: Set<String>) throws(ScenarioError) -> [ScenarioFields]? {
    guard let value = value(key) else { return nil }
    guard case .array(let items) = value else { throw mismatch(key, "a list", value) }
    var result: [ScenarioFields] = []
    for (index, item) in items.enumerated() {
      result.append(
        try ScenarioFields(item, at: pointer.appending(key).appending(index), allowed: allowed))
    }
    return result
  }

  /// Seconds, written as a non-negative number or a Go duration (`90s`, `1m30s`).
  func duration(_ key: String) throws(ScenarioError) -> Double? {
    guard let value = value(key) else { return nil }
    switch value {
    case .int(let seconds) where seconds >= 0: return Double(seconds)
    case .double(let seconds) where seconds >= 0 && seconds.isFinite: return seconds
    case .string(let text):
      if let seconds = ScenarioDuration.seconds(parsing: text) { return seconds }
      throw ScenarioError(
        pointer: pointer.appending(key),
        message:
          "\"\(text)\" is not a duration; write seconds (90) or a Go duration (90s, 5m, 1m30s)"
      )
    case .int, .double:
      throw ScenarioError(
        pointer: pointer.appending(key), message: "a duration cannot be negative")
    default: throw mismatch(key, "seconds or a duration such as 90s", value)
    }
  }

  /// A boolean.
  func bool(_ key: String) throws(ScenarioError) -> Bool? {
    guard let value = value(key) else { return nil }
    guard case .bool(let flag) = value else { throw mismatch(key, "true or false", value) }
    return flag
  }

  /// An integer within `range`.
  func integer(_ key: String, in range: ClosedRange<Int64>) throws(ScenarioError) -> Int64? {
    guard let value = value(key) else { return nil }
    guard case .int(let number) = value else { throw mismatch(key, "an integer", value) }
    guard range.contains(number) else {
      throw ScenarioError(
        pointer: pointer.appending(key),
        message: "\(number) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
    }
    return number
  }

  /// A string.
  func string(_ key: String) throws(ScenarioError) -> String? {
    guard let value = value(key) else { return nil }
    guard case .string(let text) = value else { throw mismatch(key, "a string", value) }
    return text
  }

  /// `value`, or an error naming the missing `key`.
  func present<T>(_ key: String, _ value: T?) throws(ScenarioError) -> T {
    guard let value else {
      throw ScenarioError(
        pointer: pointer.appending(key), message: "required field \"\(key)\" is missing")
    }
    return value
  }

  private static func kind(_ value: Value) -> String {
    switch value {
    case .null: "null"
    case .bool: "a boolean"
    case .int: "an integer"
    case .double: "a number"
    case .string: "a string"
    case .array: "a list"
    case .object: "a mapping"
    }
  }
}
