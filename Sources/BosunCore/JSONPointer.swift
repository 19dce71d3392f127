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
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      guard text.utf8.first == UInt8(ascii: "/") else { return nil }
      tokens = Self.asciiTokens(text)
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

  /// The tokens of an ASCII pointer that starts with `/`, read byte by byte. Every pointer literal
  /// in the code is ASCII, and the Foundation calls of the general path (`contains`,
  /// `replacingOccurrences`) cost thousands of instructions per token. Beyond ASCII, grapheme
  /// clusters can differ from bytes, so such text keeps the general path.
  private static func asciiTokens(_ text: String) -> [Token] {
    let bytes = text.utf8
    var tokens: [Token] = []
    var start = bytes.index(after: bytes.startIndex)
    while true {
      let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
      tokens.append(token(bytes[start..<end]))
      guard end < bytes.endIndex else { return tokens }
      start = bytes.index(after: end)
    }
  }

  /// One unescaped ASCII token: `~1` is `/` and `~0` is `~` (read left to right, which is what
  /// replacing every `~1`, then every `~0`, gives), and a canonical decimal is an index.
  private static func token(_ raw: Substring.UTF8View) -> Token {
    let key: String
    if raw.contains(UInt8(ascii: "~")) {
      var unescaped: [UInt8] = []
      unescaped.reserveCapacity(raw.count)
      var index = raw.startIndex
      while index < raw.endIndex {
        var byte = raw[index]
        let next = raw.index(after: index)
        if byte == UInt8(ascii: "~"), next < raw.endIndex,
          raw[next] == UInt8(ascii: "0") || raw[next] == UInt8(ascii: "1")
        {
          byte = raw[next] == UInt8(ascii: "1") ? UInt8(ascii: "/") : UInt8(ascii: "~")
          index = raw.index(after: next)
        } else {
          index = next
        }
        unescaped.append(byte)
      }
      key = String(decoding: unescaped, as: UTF8.self)
    } else {
      key = String(Substring(raw))
    }
    if let first = key.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
      let index = Int(key), index >= 0, key == String(index)
    {
      return .index(index)
    }
    return .key(key)
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
    appending(.key(key))
  }

  /// The pointer one step further down to an index.
  public func appending(_ index: Int) -> JSONPointer {
    appending(.index(index))
  }

  /// One step further down, in a single allocation (`tokens + [token]` makes two).
  private func appending(_ token: Token) -> JSONPointer {
    var extended: [Token] = []
    extended.reserveCapacity(tokens.count + 1)
    extended.append(contentsOf: tokens)
    extended.append(token)
    return JSONPointer(tokens: extended)
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
    // Neither byte present: nothing to escape, without asking Foundation's slower search.
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
    else { return token }
    return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(
      of: "/", with: "~1")
  }

  /// Orders pointers by their escaped text, so output is stable.
  public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
    lhs.description < rhs.description
  }
}
