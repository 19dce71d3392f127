import Foundation

/// An RFC 6901 JSON pointer such as `/spec/template/spec/containers/0/image`.
///
/// Rules and validators speak in pointers; the engine turns them into positions through the
/// document's location index, so no rule ever computes a line number.
public struct JSONPointer: Hashable, Comparable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// One step of a pointer: a mapping key or a sequence index.
  public enum Token: Hashable, Sendable {
    case key(String)
    case index(Int)

    /// The token as it appears (unescaped) in the pointer.
    public var text: String {
      switch self {
      case .key(let key): key
      case .index(let index): String(index)
      }
    }
  }

  /// The steps from the document root.
  public var tokens: [Token]

  /// The pointer to the whole document (`""`).
  public static let root = JSONPointer(tokens: [])

  /// Creates a pointer from its steps.
  public init(tokens: [Token]) { self.tokens = tokens }

  /// Parses an RFC 6901 string; numeric tokens become indexes. Returns nil when it does not
  /// start with `/` (and is not empty).
  public init?(parsing text: String) {
    if text.isEmpty {
      tokens = []
      return
    }
    guard text.first == "/" else { return nil }
    tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      raw in
      let key =
        raw.contains("~")
        ? raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        : String(raw)
      if let index = Int(key), index >= 0, key == String(index) { return .index(index) }
      return .key(key)
    }
  }

  /// Creates a pointer from a string literal; an invalid literal is a programming error.
  public init(stringLiteral value: String) {
    guard let pointer = JSONPointer(parsing: value) else {
      preconditionFailure("invalid JSON pointer literal \(value)")
    }
    self = pointer
  }

  /// The pointer one step further down to a key.
  public func appending(_ key: String) -> JSONPointer {
    JSONPointer(tokens: tokens + [.key(key)])
  }

  /// The pointer one step further down to an index.
  public func appending(_ index: Int) -> JSONPointer {
    JSONPointer(tokens: tokens + [.index(index)])
  }

  /// The pointer further down by several steps.
  public func appending(_ other: JSONPointer) -> JSONPointer {
    JSONPointer(tokens: tokens + other.tokens)
  }

  /// The parent pointer; the root is its own parent.
  public var parent: JSONPointer { JSONPointer(tokens: Array(tokens.dropLast())) }

  /// The escaped RFC 6901 form.
  public var description: String {
    var out = ""
    for token in tokens {
      out += "/"
      out += Self.escape(token.text)
    }
    return out
  }

  /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
  public static func escape(_ token: String) -> String {
    guard token.contains("~") || token.contains("/") else { return token }
    return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(
      of: "/", with: "~1")
  }

  /// Orders pointers by their escaped text, so output is stable.
  public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
    lhs.description < rhs.description
  }
}
