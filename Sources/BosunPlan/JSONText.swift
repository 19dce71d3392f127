import BosunCore

/// Writes a `Value` as indented JSON with a stable byte form: keys in the value's
/// order, two-space indentation, `\n` line ends, shortest round-trip numbers.
enum JSONText {
  /// The JSON text of `value`, ending with a newline.
  static func render(_ value: Value) -> String {
    var out = ""
    write(value, indent: 0, into: &out)
    out += "\n"
    return out
  }

  private static func write(_ value: Value, indent: Int, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += String(number)
    case .double(let number):
      out += number.isFinite ? String(describing: number) : "null"
    case .string(let text): writeString(text, into: &out)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (offset, item) in items.enumerated() {
        out += String(repeating: "  ", count: indent + 1)
        write(item, indent: indent + 1, into: &out)
        out += offset == items.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: "  ", count: indent) + "]"
    case .object(let pairs):
      guard !pairs.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      for (offset, pair) in pairs.enumerated() {
        out += String(repeating: "  ", count: indent + 1)
        writeString(pair.key, into: &out)
        out += ": "
        write(pair.value, indent: indent + 1, into: &out)
        out += offset == pairs.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: "  ", count: indent) + "}"
    }
  }

  private static func writeString(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
