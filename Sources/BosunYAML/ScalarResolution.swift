import Foundation

/// What a scalar means once typed.
public enum ResolvedScalar: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case float(Double)
  case string(String)
}

extension Node {
  /// The tag prefix of the YAML core schema.
  static let yamlTagPrefix = "tag:yaml.org,2002:"

  /// Types a scalar the way Kubernetes reads YAML: sigs.k8s.io/yaml over go-yaml v2, which
  /// follows YAML 1.1. Returns nil for collections.
  ///
  /// Mirrors go-yaml v2 `resolve.go`: `y/yes/on/true` (and capitalised forms) are true, the
  /// matching words false; integers go through Go's `ParseInt(s, 0, 64)` with `_` removed, so
  /// `0644` is octal; timestamps stay strings (v2 keeps them as strings for untyped targets).
  public var resolved: ResolvedScalar? {
    guard case .scalar(let text) = content else { return nil }
    if let tag = details?.tag, tag != "?" {
      return Self.resolve(text, tag: tag)
    }
    if style != .plain { return .string(text) }
    return Self.resolvePlain(text)
  }

  /// A canonical string for a scalar used as a key: `on` and `true` collide, as in YAML 1.1.
  var canonicalKey: String? {
    switch resolved {
    case .none: nil
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .int(let i): String(i)
    case .float(let f): String(f)
    case .string(let s): s
    }
  }

  static func resolve(_ text: String, tag: String) -> ResolvedScalar {
    switch tag {
    case yamlTagPrefix + "str", "!": return .string(text)
    case yamlTagPrefix + "null": return .null
    case yamlTagPrefix + "bool":
      if case .bool(let b) = resolvePlain(text) { return .bool(b) }
      return .string(text)
    case yamlTagPrefix + "int":
      if case .int(let i) = resolvePlain(text) { return .int(i) }
      return .string(text)
    case yamlTagPrefix + "float":
      switch resolvePlain(text) {
      case .int(let i): return .float(Double(i))
      case .float(let f): return .float(f)
      default: return .string(text)
      }
    default: return resolvePlain(text)
    }
  }

  /// go-yaml v2's resolve table for plain scalars.
  static func resolvePlain(_ text: String) -> ResolvedScalar {
    // Every word of the table has at most five characters: skip the table for longer text.
    if text.utf8.count <= 5 { if let word = resolveWord(text) { return word } }
    guard let first = text.utf8.first,
      first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
        || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
    else { return .string(text) }
    let plain =
      text.utf8.contains(UInt8(ascii: "_"))
      ? String(decoding: text.utf8.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self) : text
    if let int = parseGoInt(plain) { return .int(int) }
    if isYAMLStyleFloat(plain), let double = Double(plain) { return .float(double) }
    return .string(text)
  }

  /// The words of go-yaml v2's resolve table.
  private static func resolveWord(_ text: String) -> ResolvedScalar? {
    // Every word but the empty one starts with one of these bytes: most short scalars (`80`,
    // `app`, `spec`) are told apart without a single string comparison.
    guard let first = text.utf8.first else { return .null }
    switch first {
    case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"),
      UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "t"),
      UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."),
      UInt8(ascii: "+"), UInt8(ascii: "-"):
      return words[text]
    default:
      return nil
    }
  }

  /// go-yaml v2's resolve table, the empty word aside.
  private static let words: [String: ResolvedScalar] = {
    var table: [String: ResolvedScalar] = [:]
    for word in ["~", "null", "Null", "NULL"] { table[word] = .null }
    for word in ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"] {
      table[word] = .bool(true)
    }
    for word in ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"] {
      table[word] = .bool(false)
    }
    for word in [".nan", ".NaN", ".NAN"] { table[word] = .float(.nan) }
    for word in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] {
      table[word] = .float(.infinity)
    }
    for word in ["-.inf", "-.Inf", "-.INF"] { table[word] = .float(-.infinity) }
    return table
  }()

  /// Go's `strconv.ParseInt(s, 0, 64)`: optional sign, then `0x`, `0o`, `0b`, a leading `0`
  /// for octal, or decimal.
  static func parseGoInt(_ s: String) -> Int64? {
    var digits = Substring(s)
    var negative = false
    if let sign = digits.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      digits = digits.dropFirst()
    }
    var radix = 10
    let lower = digits.lowercased()
    if lower.hasPrefix("0x") {
      radix = 16
      digits = digits.dropFirst(2)
    } else if lower.hasPrefix("0o") {
      radix = 8
      digits = digits.dropFirst(2)
    } else if lower.hasPrefix("0b") {
      radix = 2
      digits = digits.dropFirst(2)
    } else if digits.count > 1, digits.first == "0" {
      radix = 8
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.first != "+", digits.first != "-",
      let magnitude = UInt64(digits, radix: radix)
    else { return nil }
    if negative {
      if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
      return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
  }

  /// go-yaml v2's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
  static func isYAMLStyleFloat(_ s: String) -> Bool {
    var bytes = Array(s.utf8)[...]
    func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    if let f = bytes.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
      bytes = bytes.dropFirst()
    }
    let intDigits = bytes.prefix(while: isDigit).count
    bytes = bytes.dropFirst(intDigits)
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      let fraction = bytes.prefix(while: isDigit).count
      if intDigits == 0 && fraction == 0 { return false }
      bytes = bytes.dropFirst(fraction)
    } else if intDigits == 0 {
      return false
    }
    if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
        bytes = bytes.dropFirst()
      }
      let exponent = bytes.prefix(while: isDigit).count
      if exponent == 0 { return false }
      bytes = bytes.dropFirst(exponent)
    }
    return bytes.isEmpty
  }
}
