extension Value {
  /// The value as JSON text with a stable byte form: keys in the value's order, and either two
  /// spaces of indentation with one member per line, or (`compact`) no whitespace at all.
  /// Non-finite doubles, which JSON cannot express, become `null`. No trailing newline.
  public func jsonText(compact: Bool = false) -> String {
    var out: [UInt8] = []
    JSONWriter(compact: compact).write(self, indent: 0, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped (and U+2028 and
  /// U+2029, which break JavaScript readers), everything else kept as UTF-8.
  public static func jsonQuoted(_ text: String) -> String {
    var out: [UInt8] = []
    JSONWriter.appendQuoted(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}

/// Writes JSON text piece by piece, with the bytes `Value.jsonText()` gives the same document
/// whole: a large document (a plan of thousands of objects) is written as it is walked, without
/// building its value first.
///
/// Open a container, give each member (`key` then its value, or just the value in an array),
/// and close it; whole values in between are written as `jsonText` writes them.
public struct JSONTextWriter {
  private let writer: JSONWriter
  private var out: [UInt8] = []
  /// How many members each open container holds so far, outermost first.
  private var members: [Int] = []
  /// Whether a key has been written and its value not yet.
  private var awaitsValue = false

  /// Creates a writer, indenting as `jsonText(compact:)` does.
  public init(compact: Bool = false) { writer = JSONWriter(compact: compact) }

  /// The text written so far.
  public var text: String { String(decoding: out, as: UTF8.self) }

  /// The UTF-8 bytes written so far.
  public var bytes: [UInt8] { out }

  /// Opens an object.
  public mutating func beginObject() { open(UInt8(ascii: "{")) }

  /// Closes the innermost object.
  public mutating func endObject() { close(UInt8(ascii: "}")) }

  /// Opens an array.
  public mutating func beginArray() { open(UInt8(ascii: "[")) }

  /// Closes the innermost array.
  public mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Writes the key of the next member of the innermost object.
  public mutating func key(_ key: String) {
    startMember()
    JSONWriter.appendQuoted(key, to: &out)
    out.append(UInt8(ascii: ":"))
    if !writer.compact { out.append(UInt8(ascii: " ")) }
    awaitsValue = true
  }

  /// Writes a whole value: the value of the last key, an item of the innermost array, or the
  /// document.
  public mutating func write(_ value: Value) {
    startMember()
    writer.write(value, indent: members.count, into: &out)
  }

  /// A member's separator and indentation, as `JSONWriter` puts them between members.
  private mutating func startMember() {
    if awaitsValue {
      awaitsValue = false
      return
    }
    guard let count = members.last else { return }
    if count > 0 { out.append(UInt8(ascii: ",")) }
    members[members.count - 1] = count + 1
    if !writer.compact {
      out.append(UInt8(ascii: "\n"))
      writer.appendIndentation(members.count, to: &out)
    }
  }

  private mutating func open(_ bracket: UInt8) {
    startMember()
    out.append(bracket)
    members.append(0)
  }

  private mutating func close(_ bracket: UInt8) {
    let count = members.removeLast()
    if count > 0, !writer.compact {
      out.append(UInt8(ascii: "\n"))
      writer.appendIndentation(members.count, to: &out)
    }
    out.append(bracket)
  }
}

/// The one JSON serialiser of the project, used by reports, plans, baselines and examples.
///
/// Writes UTF-8 bytes, which is much cheaper than growing a `String` piece by piece.
private struct JSONWriter {
  let compact: Bool

  private static let indents = (0..<16).map { Array(String(repeating: "  ", count: $0).utf8) }

  func appendIndentation(_ level: Int, to out: inout [UInt8]) {
    if level < Self.indents.count {
      out.append(contentsOf: Self.indents[level])
    } else {
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
  }

  func write(_ value: Value, indent: Int, into out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
    case .string(let s): Self.appendQuoted(s, to: &out)
    case .array(let items):
      members(items.count, open: "[", close: "]", indent: indent, into: &out) { i, out in
        write(items[i], indent: indent + 1, into: &out)
      }
    case .object(let pairs):
      members(pairs.count, open: "{", close: "}", indent: indent, into: &out) { i, out in
        Self.appendQuoted(pairs[i].key, to: &out)
        out.append(UInt8(ascii: ":"))
        if !compact { out.append(UInt8(ascii: " ")) }
        write(pairs[i].value, indent: indent + 1, into: &out)
      }
    }
  }

  private func members(
    _ count: Int, open: Unicode.Scalar, close: Unicode.Scalar, indent: Int,
    into out: inout [UInt8], member: (Int, inout [UInt8]) -> Void
  ) {
    out.append(UInt8(ascii: open))
    guard count > 0 else {
      out.append(UInt8(ascii: close))
      return
    }
    if compact {
      for i in 0..<count {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        member(i, &out)
      }
    } else {
      out.append(UInt8(ascii: "\n"))
      for i in 0..<count {
        appendIndentation(indent + 1, to: &out)
        member(i, &out)
        if i != count - 1 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\n"))
      }
      appendIndentation(indent, to: &out)
    }
    out.append(UInt8(ascii: close))
  }

  /// Whether a byte stands for itself in a JSON string: not a control character, quote,
  /// backslash or DEL, nor the first byte of U+2028 or U+2029 (or of any other character
  /// starting with 0xE2, which the slow path then writes as it is).
  private static func isPlain(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2
  }

  static func appendQuoted(_ s: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    // Most strings need no escaping at all: copy them whole. Their bytes are read in place
    // where the string keeps them contiguous (always, but for some bridged strings): going
    // through the UTF-8 view byte by byte costs several times more.
    let copied = s.utf8.withContiguousStorageIfAvailable { bytes in
      let plain = bytes.allSatisfy(isPlain)
      if plain { out.append(contentsOf: bytes) }
      return plain
    }
    if copied ?? false {
      out.append(UInt8(ascii: "\""))
      return
    }
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append(contentsOf: "\\\"".utf8)
      case "\\": out.append(contentsOf: "\\\\".utf8)
      case "\n": out.append(contentsOf: "\\n".utf8)
      case "\r": out.append(contentsOf: "\\r".utf8)
      case "\t": out.append(contentsOf: "\\t".utf8)
      case "\u{08}": out.append(contentsOf: "\\b".utf8)
      case "\u{0C}": out.append(contentsOf: "\\f".utf8)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}"
          || scalar == "\u{2029}"
        {
          let digits = String(scalar.value, radix: 16, uppercase: false)
          out.append(contentsOf: "\\u".utf8)
          out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 4 - digits.count)))
          out.append(contentsOf: digits.utf8)
        } else {
          UTF8.encode(scalar) { out.append($0) }
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
