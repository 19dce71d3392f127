extension Value {
  /// The value as JSON text with a stable byte form: keys in the value's order, and either two
  /// spaces of indentation with one member per line, or (`compact`) no whitespace at all.
  /// Non-finite doubles, which JSON cannot express, become `null`. No trailing newline.
  public func jsonText(compact: Bool = false) -> String {
    var out = ""
    JSONWriter(compact: compact).write(self, indent: 0, into: &out)
    return out
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped (and U+2028 and
  /// U+2029, which break JavaScript readers), everything else kept as UTF-8.
  public static func jsonQuoted(_ text: String) -> String {
    var out = ""
    JSONWriter.appendQuoted(text, to: &out)
    return out
  }
}

/// The one JSON serialiser of the project, used by reports, plans, baselines and examples.
private struct JSONWriter {
  let compact: Bool

  private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

  private func indentation(_ level: Int) -> String {
    level < Self.indents.count ? Self.indents[level] : String(repeating: "  ", count: level)
  }

  func write(_ value: Value, indent: Int, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += d.isFinite ? String(d) : "null"
    case .string(let s): Self.appendQuoted(s, to: &out)
    case .array(let items):
      members(items.count, open: "[", close: "]", indent: indent, into: &out) { i, out in
        write(items[i], indent: indent + 1, into: &out)
      }
    case .object(let pairs):
      members(pairs.count, open: "{", close: "}", indent: indent, into: &out) { i, out in
        Self.appendQuoted(pairs[i].key, to: &out)
        out += compact ? ":" : ": "
        write(pairs[i].value, indent: indent + 1, into: &out)
      }
    }
  }

  private func members(
    _ count: Int, open: String, close: String, indent: Int, into out: inout String,
    member: (Int, inout String) -> Void
  ) {
    guard count > 0 else {
      out += open
      out += close
      return
    }
    out += open
    if compact {
      for i in 0..<count {
        if i > 0 { out += "," }
        member(i, &out)
      }
    } else {
      out += "\n"
      let inner = indentation(indent + 1)
      for i in 0..<count {
        out += inner
        member(i, &out)
        out += i == count - 1 ? "\n" : ",\n"
      }
      out += indentation(indent)
    }
    out += close
  }

  static func appendQuoted(_ s: String, to out: inout String) {
    // Most strings need no escaping at all: copy them whole.
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }) {
      out += "\""
      out += s
      out += "\""
      return
    }
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}"
          || scalar == "\u{2029}"
        {
          let digits = String(scalar.value, radix: 16, uppercase: false)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
