public import BosunCore

/// A JSON pointer in which a `*` step stands for any key or index:
/// `/spec/containers/*/image` names the image of every container.
public struct PointerPattern: Hashable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The steps; nil is the wildcard.
  public var steps: [String?]

  /// Parses `/a/*/b`; an invalid literal is a programming error.
  public init(stringLiteral text: String) {
    guard let pointer = JSONPointer(parsing: text) else {
      preconditionFailure("invalid pointer pattern \(text)")
    }
    steps = pointer.tokens.map { $0.text == "*" ? nil : $0.text }
  }

  /// Creates a pattern from its steps.
  public init(steps: [String?]) { self.steps = steps }

  /// The pattern as written.
  public var description: String {
    steps.map { "/" + ($0.map(JSONPointer.escape) ?? "*") }.joined()
  }

  /// Whether the first `count` steps of the pattern match the first steps of `pointer`.
  private func prefixMatches(_ pointer: JSONPointer, count: Int) -> Bool {
    for (step, token) in zip(steps.prefix(count), pointer.tokens.prefix(count))
    where step != nil && step != token.text {
      return false
    }
    return true
  }

  /// Whether `pointer` is a field the pattern names, or lies below one.
  public func contains(_ pointer: JSONPointer) -> Bool {
    pointer.tokens.count >= steps.count && prefixMatches(pointer, count: steps.count)
  }

  /// Whether `pointer` is strictly above a field the pattern names (`/spec` above `/spec/selector`).
  public func isBelow(_ pointer: JSONPointer) -> Bool {
    pointer.tokens.count < steps.count && prefixMatches(pointer, count: pointer.tokens.count)
  }

  /// The steps that remain once `pointer` (for which `isBelow` holds) has been walked.
  func remainder(after pointer: JSONPointer) -> PointerPattern {
    PointerPattern(steps: Array(steps.dropFirst(pointer.tokens.count)))
  }

  /// Every concrete field of `value` the pattern names, with its relative pointer.
  func expand(_ value: Value?) -> [(pointer: JSONPointer, value: Value)] {
    guard let value else { return [] }
    guard let first = steps.first else { return [(.root, value)] }
    let rest = PointerPattern(steps: Array(steps.dropFirst()))
    var children: [(JSONPointer.Token, Value)] = []
    switch value {
    case .object(let pairs):
      children = pairs.filter { first == nil || $0.key == first }.map { (.key($0.key), $0.value) }
    case .array(let items):
      children = items.enumerated().filter { first == nil || String($0.offset) == first }
        .map { (.index($0.offset), $0.element) }
    default:
      return []
    }
    return children.flatMap { token, child in
      rest.expand(child).map { (JSONPointer(tokens: [token] + $0.pointer.tokens), $0.value) }
    }
  }

  /// `value` with every field the pattern names removed.
  func removing(from value: Value) -> Value {
    guard let first = steps.first else { return .null }
    let rest = PointerPattern(steps: Array(steps.dropFirst()))
    switch value {
    case .object(let pairs):
      return .object(
        pairs.compactMap { pair in
          guard first == nil || pair.key == first else { return pair }
          return rest.steps.isEmpty ? nil : (key: pair.key, value: rest.removing(from: pair.value))
        })
    case .array(let items):
      return .array(
        items.enumerated().compactMap { offset, item in
          guard first == nil || String(offset) == first else { return item }
          return rest.steps.isEmpty ? nil : rest.removing(from: item)
        })
    default:
      return value
    }
  }
}
