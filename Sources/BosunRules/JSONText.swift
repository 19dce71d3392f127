public import BosunCore
public import BosunYAML

/// Writes plain values as JSON text: two-space indentation, keys in their original order,
/// one field per line (so a JSON rendering of an example still has a line per field).
public enum JSONText {
  /// The JSON text of a YAML node, YAML 1.1 typing applied as Kubernetes reads it.
  public static func string(_ node: Node) -> String { string(node.toValue()) }

  /// The JSON text of a value.
  public static func string(_ value: Value, compact: Bool = false) -> String {
    var out = ""
    write(value, indent: compact ? nil : 0, into: &out)
    return out
  }

  private static func write(_ value: Value, indent: Int?, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d):
      // JSON has no NaN or infinity; keep them readable as strings rather than lose them.
      out += d.isFinite ? String(d) : quoted(String(d))
    case .string(let s): out += quoted(s)
    case .array(let items):
      writeContainer(open: "[", close: "]", count: items.count, indent: indent, into: &out) {
        index, inner, out in write(items[index], indent: inner, into: &out)
      }
    case .object(let pairs):
      writeContainer(open: "{", close: "}", count: pairs.count, indent: indent, into: &out) {
        index, inner, out in
        out += quoted(pairs[index].key)
        out += inner == nil ? ":" : ": "
        write(pairs[index].value, indent: inner, into: &out)
      }
    }
  }

  private static func writeContainer(
    open: String, close: String, count: Int, indent: Int?, into out: inout String,
    element: (Int, Int?, inout String) -> Void
  ) {
    guard count > 0 else {
      out += open + close
      return
    }
    out += open
    let inner = indent.map { $0 + 2 }
    for index in 0..<count {
      if index > 0 { out += "," }
      if let inner { out += "\n" + String(repeating: " ", count: inner) }
      element(index, inner, &out)
    }
    if let indent { out += "\n" + String(repeating: " ", count: indent) }
    out += close
  }

  /// A JSON string literal.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
