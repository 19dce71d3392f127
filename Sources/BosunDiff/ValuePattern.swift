import BosunCore

/// A JSON pointer whose `*` tokens match every item of a list or every key of a map, used to
/// name fields to leave out (`/spec/ports/*/nodePort`).
public struct ValuePattern: Hashable, Sendable, CustomStringConvertible {
  /// The unescaped tokens.
  public var tokens: [String]

  /// Parses an RFC 6901 pointer with `*` wildcards; nil when it does not start with `/`.
  public init?(_ text: String) {
    guard let pointer = JSONPointer(parsing: text), !pointer.tokens.isEmpty else { return nil }
    tokens = pointer.tokens.map(\.text)
  }

  /// The pattern as written.
  public var description: String { "/" + tokens.map(JSONPointer.escape).joined(separator: "/") }

  /// Removes every field the pattern matches.
  func remove(from value: inout Value) {
    Self.remove(tokens[...], from: &value)
  }

  private static func remove(_ tokens: ArraySlice<String>, from value: inout Value) {
    guard let token = tokens.first else { return }
    let rest = tokens.dropFirst()
    switch value {
    case .object(var pairs):
      if rest.isEmpty {
        if token == "*" { pairs.removeAll() } else { pairs.removeAll { $0.key == token } }
      } else {
        value = .null
        for index in pairs.indices where token == "*" || pairs[index].key == token {
          remove(rest, from: &pairs[index].value)
        }
      }
      value = .object(pairs)
    case .array(var items):
      guard token == "*" || Int(token) != nil else { return }
      value = .null
      for index in items.indices where token == "*" || Int(token) == index {
        if rest.isEmpty { items[index] = .null } else { remove(rest, from: &items[index]) }
      }
      value = .array(items)
    default:
      return
    }
  }
}
