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

/// The one JSON serialiser of the project, used by reports, plans, baselines and examples.
///
/// Writes UTF-8 bytes, which is much cheaper than growing a `String` piece by piece.
private struct JSONWriter {
  let compact: Bool

  private static let indents = (0..<16).map { Array(String(repeating: "  ", count: $0).utf8) }

  private func appendIndentation(_ level: Int, to out: inout [UInt8]) {
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
