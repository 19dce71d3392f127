import BosunCore
import BosunYAML

/// Plain renderings of `Value`: one-line JSON for reports, block YAML for unified diffs. Both
/// are deterministic: YAML sorts map keys as `kubectl get -o yaml` does.
enum ValueText {
  /// Compact JSON (`{"name":"web"}`), keys in the value's order.
  static func json(_ value: Value) -> String { value.jsonText(compact: true) }

  /// A JSON string literal.
  static func quoted(_ text: String) -> String { Value.jsonQuoted(text) }

  /// Block YAML lines, map keys sorted.
  static func yamlLines(_ value: Value) -> [String] {
    var lines: [String] = []
    writeYAML(value, indent: "", into: &lines)
    return lines
  }

  private static func writeYAML(_ value: Value, indent: String, into lines: inout [String]) {
    switch value {
    case .object(let pairs):
      for pair in pairs.sorted(by: { $0.key < $1.key }) {
        let key = yamlScalar(.string(pair.key))
        switch pair.value {
        case .object(let inner) where !inner.isEmpty:
          lines.append("\(indent)\(key):")
          writeYAML(pair.value, indent: indent + "  ", into: &lines)
        case .array(let inner) where !inner.isEmpty:
          lines.append("\(indent)\(key):")
          writeYAML(pair.value, indent: indent, into: &lines)
        default:
          lines.append("\(indent)\(key): \(yamlScalar(pair.value))")
        }
      }
    case .array(let items):
      for item in items {
        var nested: [String] = []
        switch item {
        case .object(let inner) where !inner.isEmpty:
          writeYAML(item, indent: indent + "  ", into: &nested)
        case .array(let inner) where !inner.isEmpty:
          writeYAML(item, indent: indent + "  ", into: &nested)
        default:
          lines.append("\(indent)- \(yamlScalar(item))")
          continue
        }
        guard let first = nested.first else { continue }
        lines.append(indent + "- " + first.dropFirst(indent.count + 2))
        lines += nested.dropFirst()
      }
    default:
      lines.append(indent + yamlScalar(value))
    }
  }

  /// A scalar as YAML: plain when it reads back as the same string, else double-quoted.
  static func yamlScalar(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    case .object: return "{}"
    case .array: return "[]"
    case .string(let s): return isPlainSafe(s) ? s : quoted(s)
    }
  }

  /// Whether `s` written plain reads back as the same string, by the YAML 1.1 rules Kubernetes
  /// uses (`yes`, `0644`, `1_000`, `.inf` would not).
  private static func isPlainSafe(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first,
      Node(.scalar(s), mark: Mark(line: 1, column: 1), style: .plain).resolved == .string(s)
    else { return false }
    if "-?:,[]{}#&*!|>'\"%@` ".unicodeScalars.contains(first) { return false }
    if s.hasSuffix(" ") || s.hasSuffix(":") || s.contains(": ") || s.contains(" #") { return false }
    return !s.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" }
  }
}
