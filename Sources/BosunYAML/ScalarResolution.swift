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

  /// `canonicalKey` (the key as JSON spells it, nil for a collection), without typing text
  /// that can only be a string.
  public var stringKey: String? { plainStringKey ?? canonicalKey }

  /// The text of a scalar that types as that very string: quoted and untagged, or plain and
  /// untagged, starting with a letter (so no number) and no word of the YAML 1.1 table. Nil
  /// for anything else, which may or may not be a string.
  public var plainStringKey: String? {
    guard details == nil, case .scalar(let text) = content else { return nil }
    if style != .plain { return text }
    guard let first = text.utf8.first, Self.isLetter(first) else { return nil }
    if text.utf8.count > 5 || !Self.startsWord(first) || Self.resolveWord(text) == nil {
      return text
    }
    return nil
  }

  /// Whether a plain, untagged scalar of these bytes types as that very string, as
  /// `plainStringKey` decides: it starts with a letter and is no word of the YAML 1.1 table.
  static func isPlainString(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, isLetter(first) else { return false }
    if bytes.count > 5 || !startsWord(first) { return true }
    return !letterWords.contains { $0.elementsEqual(bytes) }
  }

  /// The words of `resolveWord` that start with a letter, as bytes.
  private static let letterWords: [[UInt8]] = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
  ].map { Array($0.utf8) }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  /// The letters the words of `resolveWord` start with.
  private static func startsWord(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
      UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "t"), UInt8(ascii: "T"),
      UInt8(ascii: "f"), UInt8(ascii: "F"):
      true
    default: false
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

  /// The words of go-yaml v2's resolve table: `~`, `null`, `y`/`yes`/`on`/`true`,
  /// `n`/`no`/`off`/`false` (lower case, capitalised or upper case), `.nan` and `.inf` with an
  /// optional sign, in the same three spellings.
  private static func resolveWord(_ text: String) -> ResolvedScalar? {
    // Every word but the empty one starts with one of these bytes: most short scalars (`80`,
    // `app`, `spec`) are told apart without a single string comparison.
    guard let first = text.utf8.first else { return .null }
    switch first {
    case UInt8(ascii: "~"): return text == "~" ? .null : nil
    case UInt8(ascii: "n"):
      return text == "n" || text == "no" ? .bool(false) : text == "null" ? .null : nil
    case UInt8(ascii: "N"):
      switch text {
      case "N", "No", "NO": return .bool(false)
      case "Null", "NULL": return .null
      default: return nil
      }
    case UInt8(ascii: "y"): return text == "y" || text == "yes" ? .bool(true) : nil
    case UInt8(ascii: "Y"):
      return text == "Y" || text == "Yes" || text == "YES" ? .bool(true) : nil
    case UInt8(ascii: "o"): return text == "on" ? .bool(true) : text == "off" ? .bool(false) : nil
    case UInt8(ascii: "O"):
      switch text {
      case "On", "ON": return .bool(true)
      case "Off", "OFF": return .bool(false)
      default: return nil
      }
    case UInt8(ascii: "t"): return text == "true" ? .bool(true) : nil
    case UInt8(ascii: "T"): return text == "True" || text == "TRUE" ? .bool(true) : nil
    case UInt8(ascii: "f"): return text == "false" ? .bool(false) : nil
    case UInt8(ascii: "F"): return text == "False" || text == "FALSE" ? .bool(false) : nil
    case UInt8(ascii: "."):
      switch text {
      case ".nan", ".NaN", ".NAN": return .float(.nan)
      case ".inf", ".Inf", ".INF": return .float(.infinity)
      default: return nil
      }
    case UInt8(ascii: "+"):
      switch text {
      case "+.inf", "+.Inf", "+.INF": return .float(.infinity)
      default: return nil
      }
    case UInt8(ascii: "-"):
      switch text {
      case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
      default: return nil
      }
    default:
      return nil
    }
  }

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
