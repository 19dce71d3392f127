import BosunCore
import BosunModel
import BosunYAML
import Foundation

extension SchemaWalk {
  /// A string field. A plain scalar that YAML 1.1 reads as a boolean or number is stored as its
  /// string form (sigs.k8s.io/yaml converts it for string targets), which is rarely what the
  /// author meant: `version: 1.10` becomes "1.1".
  mutating func checkString(_ node: Node, _ s: SchemaNode, at pointer: JSONPointer) {
    guard let text = node.scalarText, let resolved = node.resolved else {
      typeMismatch(node, expected: "a string", at: pointer)
      return
    }
    let value: String
    switch resolved {
    case .string(let string): value = string
    case .null: return
    case .bool(let b):
      value = b ? "true" : "false"
      coerced(text, into: value, boolean: true, at: pointer)
    case .int(let i):
      value = String(i)
      coerced(text, into: value, boolean: false, at: pointer)
    case .float(let f):
      value = Self.goFloatString(f)
      coerced(text, into: value, boolean: false, at: pointer)
    }
    switch s.format {
    case "date-time" where !ScalarFormat.isDateTime(value):
      report(
        "schema.format", .error,
        "`\(value)` is not an RFC 3339 date-time such as "
          + "2024-05-01T12:00:00Z", at: pointer)
    case "byte" where !ScalarFormat.isBase64(value):
      report("schema.format", .error, "value is not valid base64", at: pointer)
    default: break
    }
    checkEnum(.string(value), s, at: pointer)
    let length = value.count
    if let minimum = s.minLength, length < minimum {
      report(
        "schema.range", .error, "is \(length) characters long, fewer than \(minimum)", at: pointer)
    }
    if let maximum = s.maxLength, length > maximum {
      report(
        "schema.range", .error, "is \(length) characters long, more than \(maximum)", at: pointer)
    }
    if let pattern = s.pattern, let regex = try? NSRegularExpression(pattern: pattern),
      regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) == nil
    {
      report("schema.pattern", .error, "`\(value)` does not match `\(pattern)`", at: pointer)
    }
  }

  /// A typed decoder (sigs.k8s.io/yaml into a Go struct) would store `value`, but kubectl and
  /// Helm convert YAML to untyped JSON first and send the boolean or number itself, which the
  /// API server rejects ("cannot unmarshal bool into Go struct field ... of type string").
  /// Either way the manifest does not say what it means, so it is an error; quoting fixes it.
  mutating func coerced(
    _ text: String, into value: String, boolean: Bool, at pointer: JSONPointer
  ) {
    let what = boolean ? "the boolean \(value)" : "a number"
    report(
      "schema.coerced-string", .error,
      "`\(text)` is \(what) in YAML, not a string: kubectl and Helm send it as such and the API "
        + "server rejects it (a typed client would store \"\(value)\"); quote it",
      at: pointer)
  }

  /// Integer, number and boolean fields; a quoted value is a string and does not qualify.
  mutating func checkNumberOrBool(_ node: Node, _ s: SchemaNode, at pointer: JSONPointer) {
    let resolved = node.resolved
    switch (s.type, resolved) {
    case (.integer, .int(let i)?):
      if let range = ScalarFormat.integerRange(s.format), !range.contains(i) {
        report("schema.format", .error, "\(i) does not fit in \(s.format ?? "int32")", at: pointer)
      }
      checkBounds(Double(i), s, at: pointer)
      checkEnum(.int(i), s, at: pointer)
    case (.integer, .float(let f)?) where f.isFinite && f.rounded() == f && abs(f) < 1e21:
      // go-yaml v2 reads `30.0` or `1e3` as a float, sigs.k8s.io/yaml keeps it, and
      // encoding/json writes a whole float64 without a fraction (`30`, `1000`), which the API
      // server then reads as an integer. Only the range can still fail.
      guard let i = Int64(exactly: f),
        ScalarFormat.integerRange(s.format).map({ $0.contains(i) }) ?? true
      else {
        report(
          "schema.format", .error,
          "\(node.scalarText ?? "") does not fit in \(s.format ?? "int64")", at: pointer)
        return
      }
      checkBounds(f, s, at: pointer)
      checkEnum(.int(i), s, at: pointer)
    case (.number, .int(let i)?):
      checkBounds(Double(i), s, at: pointer)
      checkEnum(.int(i), s, at: pointer)
    case (.number, .float(let f)?):
      checkBounds(f, s, at: pointer)
      checkEnum(.double(f), s, at: pointer)
    case (.boolean, .bool(let b)?):
      checkEnum(.bool(b), s, at: pointer)
    default:
      typeMismatch(node, expected: s.type?.phrase ?? "a scalar", at: pointer)
    }
  }

  mutating func checkBounds(_ value: Double, _ s: SchemaNode, at pointer: JSONPointer) {
    if let minimum = s.minimum,
      s.exclusiveMinimum ? value <= minimum : value < minimum
    {
      report(
        "schema.range", .error, "\(value.compact) is less than the minimum \(minimum.compact)",
        at: pointer)
    }
    if let maximum = s.maximum,
      s.exclusiveMaximum ? value >= maximum : value > maximum
    {
      report(
        "schema.range", .error, "\(value.compact) is more than the maximum \(maximum.compact)",
        at: pointer)
    }
  }

  /// `x-kubernetes-int-or-string` (`IntOrString`): an int32 or a string, nothing else.
  mutating func checkIntOrString(_ node: Node, _ s: SchemaNode, at pointer: JSONPointer) {
    switch node.resolved {
    case .int(let i)?:
      if !(Int64(Int32.min)...Int64(Int32.max)).contains(i) {
        report("schema.format", .error, "\(i) does not fit in int32", at: pointer)
      }
      checkEnum(.int(i), s, at: pointer)
    case .string(let text)?:
      checkEnum(.string(text), s, at: pointer)
    default:
      typeMismatch(node, expected: "an integer or a string", at: pointer)
    }
  }

  /// A resource quantity (`resource.Quantity`): a number, or a string such as `500m` or `1Gi`.
  mutating func checkQuantity(_ node: Node, at pointer: JSONPointer) {
    switch node.resolved {
    case .int?: return
    case .float(let f)?:
      if !f.isFinite {
        report("schema.format", .error, "`\(node.scalarText ?? "")` is not a quantity", at: pointer)
      }
    case .string(let text)?:
      do {
        _ = try Quantity(parsing: text)
      } catch {
        report(
          "schema.format", .error,
          "`\(text)` is not a quantity such as 500m, 2, 1.5Gi or 128Mi (\(error.message))",
          at: pointer)
      }
    default:
      typeMismatch(node, expected: "a quantity", at: pointer)
    }
  }

  mutating func checkEnum(_ value: Value, _ s: SchemaNode, at pointer: JSONPointer) {
    guard let allowed = s.enumValues, !allowed.contains(value) else { return }
    let list = allowed.map { "`\($0.plainText)`" }.joined(separator: ", ")
    var message = "`\(value.plainText)` is not one of \(list)"
    var suggestion: String?
    if case .string(let text) = value,
      let nearest = FieldSuggestion.nearest(to: text, among: allowed.compactMap(\.stringValue))
    {
      suggestion = nearest
      message += "; did you mean `\(nearest)`?"
    }
    report("schema.enum", .error, message, at: pointer, suggestion: suggestion)
  }

  /// Go's `strconv.FormatFloat(f, 'g', -1, 64)` for the common cases.
  static func goFloatString(_ f: Double) -> String {
    if f.isNaN { return "NaN" }
    if f.isInfinite { return f > 0 ? "+Inf" : "-Inf" }
    if f == f.rounded(), abs(f) < 1e21 { return String(Int64(f)) }
    return String(f)
  }
}

extension Value {
  /// The value without quotes, for messages.
  var plainText: String {
    if case .string(let s) = self { return s }
    return shortText
  }
}

extension Double {
  /// `3` rather than `3.0`.
  var compact: String {
    self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
  }
}
