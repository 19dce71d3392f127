import BosunCore

/// Serialises a `Value` as JSON text: keys in the order given, two-space indentation, one
/// trailing newline, and the minimal RFC 8259 escaping, so the same value gives the same bytes.
enum JSONText {
  /// The pretty-printed text of `value`.
  static func render(_ value: Value) -> String {
    var out = ""
    write(value, indent: 0, into: &out)
    out += "\n"
    return out
  }

  private static func write(_ value: Value, indent: Int, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += d.isFinite ? String(d) : "null"
    case .string(let s): appendQuoted(s, to: &out)
    case .array(let items):
      writeMembers(items.count, open: "[", close: "]", indent: indent, into: &out) { i, out in
        write(items[i], indent: indent + 1, into: &out)
      }
    case .object(let pairs):
      writeMembers(pairs.count, open: "{", close: "}", indent: indent, into: &out) { i, out in
        appendQuoted(pairs[i].key, to: &out)
        out += ": "
        write(pairs[i].value, indent: indent + 1, into: &out)
      }
    }
  }

  private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

  private static func indentation(_ level: Int) -> String {
    level < indents.count ? indents[level] : String(repeating: "  ", count: level)
  }

  /// Brackets around `count` members, one per line and indented one step; `[]`/`{}` when empty.
  private static func writeMembers(
    _ count: Int, open: String, close: String, indent: Int, into out: inout String,
    member: (Int, inout String) -> Void
  ) {
    guard count > 0 else {
      out += open + close
      return
    }
    out += open
    out += "\n"
    let inner = indentation(indent + 1)
    for i in 0..<count {
      out += inner
      member(i, &out)
      out += i == count - 1 ? "\n" : ",\n"
    }
    out += indentation(indent)
    out += close
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, everything else
  /// (including non-ASCII) kept as UTF-8.
  /// Appends a JSON string literal without building an intermediate string when none is needed.
  static func appendQuoted(_ s: String, to out: inout String) {
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }) {
      out += "\""
      out += s
      out += "\""
    } else {
      out += quoted(s)
    }
  }

  static func quoted(_ s: String) -> String {
    // Most strings need no escaping at all: copy them whole.
    let plain = s.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }
    if plain { return "\"" + s + "\"" }
    var out = "\""
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
          out += "\\u" + hex4(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func hex4(_ v: UInt32) -> String {
    let digits = String(v, radix: 16, uppercase: false)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

extension Value {
  /// A string, or null when absent.
  static func optional(_ s: String?) -> Value { s.map(Value.string) ?? .null }

  /// An integer.
  static func int(_ i: Int) -> Value { .int(Int64(i)) }
}

/// The members of a JSON object, in output order.
typealias JSONFields = [(key: String, value: Value)]
