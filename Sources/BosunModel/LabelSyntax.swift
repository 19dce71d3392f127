/// Syntax checks for label keys and values, annotation keys and sizes, and DNS-style object
/// names.
///
/// Mirrors k8s.io/apimachinery `pkg/util/validation/validation.go` (`IsQualifiedName`,
/// `IsValidLabelValue`, `IsDNS1123Label`, `IsDNS1123Subdomain`) and `ValidateAnnotations` in
/// `pkg/api/validation/objectmeta.go`. Lengths count bytes, as Go's `len` does. Every function
/// returns all problems found, empty when the text is valid.
public enum LabelSyntax {
  /// Longest name part of a qualified name, and longest label value.
  public static let maxNameLength = 63
  /// Longest DNS-1123 subdomain (also the longest qualified-name prefix).
  public static let maxSubdomainLength = 253
  /// Longest DNS-1123 label.
  public static let maxDNSLabelLength = 63
  /// Largest total size of an object's annotations, keys plus values, in bytes.
  public static let maxAnnotationsSize = 256 * 1024

  static let qualifiedNamePattern = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
  static let qualifiedNameMessage =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    + "alphanumeric character"
  static let labelValueMessage =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    + "'.', and must start and end with an alphanumeric character"
  static let dnsLabelPattern = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
  static let dnsLabelMessage =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    + "must start and end with an alphanumeric character"
  static let dnsSubdomainPattern = dnsLabelPattern + "(\\." + dnsLabelPattern + ")*"
  static let dnsSubdomainMessage =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    + "'.', and must start and end with an alphanumeric character"

  /// Problems with a qualified name: an optional DNS subdomain prefix and `/`, then a name of
  /// at most 63 characters (`app.kubernetes.io/name`, `app`). Label keys and annotation keys
  /// are qualified names.
  public static func qualifiedNameProblems(_ text: String) -> [SyntaxProblem] {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    var problems: [SyntaxProblem] = []
    guard parts.count <= 2 else {
      return [
        SyntaxProblem(
          .tooManySlashes,
          "a qualified name "
            + regexError(qualifiedNameMessage, qualifiedNamePattern, "MyName", "my.name", "123-abc")
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")
      ]
    }
    let name = String(parts[parts.count - 1])
    if parts.count == 2 {
      let prefix = String(parts[0])
      if prefix.isEmpty {
        problems.append(SyntaxProblem(.prefixEmpty, "prefix part must be non-empty"))
      } else {
        for problem in dns1123SubdomainProblems(prefix) {
          let code: SyntaxProblem.Code =
            problem.code == .dnsTooLong ? .prefixTooLong : .prefixInvalid
          problems.append(SyntaxProblem(code, "prefix part " + problem.message))
        }
      }
    }
    if name.isEmpty {
      problems.append(SyntaxProblem(.nameEmpty, "name part must be non-empty"))
    } else if name.utf8.count > maxNameLength {
      problems.append(SyntaxProblem(.nameTooLong, "name part " + maxLengthError(maxNameLength)))
    }
    if !isQualifiedNamePart(name) {
      problems.append(
        SyntaxProblem(
          .nameInvalid,
          "name part "
            + regexError(qualifiedNameMessage, qualifiedNamePattern, "MyName", "my.name", "123-abc")
        ))
    }
    return problems
  }

  /// Problems with a label key (a qualified name).
  public static func labelKeyProblems(_ key: String) -> [SyntaxProblem] {
    qualifiedNameProblems(key)
  }

  /// Problems with a label value: empty, or at most 63 characters shaped like a name part.
  public static func labelValueProblems(_ value: String) -> [SyntaxProblem] {
    var problems: [SyntaxProblem] = []
    if value.utf8.count > maxNameLength {
      problems.append(SyntaxProblem(.valueTooLong, maxLengthError(maxNameLength)))
    }
    if !value.isEmpty && !isQualifiedNamePart(value) {
      problems.append(
        SyntaxProblem(
          .valueInvalid,
          regexError(
            labelValueMessage, "(" + qualifiedNamePattern + ")?", "MyValue", "my_value", "12345")))
    }
    return problems
  }

  /// Problems with an annotation key: a qualified name, checked in lower case as upstream does.
  public static func annotationKeyProblems(_ key: String) -> [SyntaxProblem] {
    qualifiedNameProblems(key.lowercased())
  }

  /// Problems with a whole annotation map: each key, then the total size of keys and values.
  public static func annotationsProblems(_ annotations: [String: String]) -> [SyntaxProblem] {
    var problems: [SyntaxProblem] = []
    var size = 0
    for (key, value) in annotations.sorted(by: { $0.key < $1.key }) {
      problems += annotationKeyProblems(key)
      size += key.utf8.count + value.utf8.count
    }
    if size > maxAnnotationsSize {
      problems.append(
        SyntaxProblem(.annotationsTooLarge, "must have at most \(maxAnnotationsSize) bytes"))
    }
    return problems
  }

  /// Problems with a DNS-1123 label (`my-name`): at most 63 lower-case alphanumerics or `-`,
  /// starting and ending alphanumeric. Service and Namespace names are DNS labels.
  public static func dns1123LabelProblems(_ text: String) -> [SyntaxProblem] {
    var problems: [SyntaxProblem] = []
    if text.utf8.count > maxDNSLabelLength {
      problems.append(SyntaxProblem(.dnsTooLong, maxLengthError(maxDNSLabelLength)))
    }
    if !isDNSLabel(Substring(text)) {
      if isDNSSubdomain(text) {
        problems.append(SyntaxProblem(.dnsLabelHasDots, "must not contain dots"))
      } else {
        problems.append(
          SyntaxProblem(
            .dnsInvalid, regexError(dnsLabelMessage, dnsLabelPattern, "my-name", "123-abc")))
      }
    }
    return problems
  }

  /// Problems with a DNS-1123 subdomain (`example.com`): at most 253 characters of dot-separated
  /// DNS labels. Most object names are subdomains.
  public static func dns1123SubdomainProblems(_ text: String) -> [SyntaxProblem] {
    var problems: [SyntaxProblem] = []
    if text.utf8.count > maxSubdomainLength {
      problems.append(SyntaxProblem(.dnsTooLong, maxLengthError(maxSubdomainLength)))
    }
    if !isDNSSubdomain(text) {
      problems.append(
        SyntaxProblem(
          .dnsInvalid, regexError(dnsSubdomainMessage, dnsSubdomainPattern, "example.com")))
    }
    return problems
  }

  // MARK: - Character rules

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
  }

  private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122)
  }

  // The checks below walk the UTF-8 bytes in place: an array copy of them, or a split into
  // substrings, costs more than the check itself.

  /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
  static func isQualifiedNamePart(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first),
      isAlphanumeric(last)
    else { return false }
    return bytes.allSatisfy {
      isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        || $0 == UInt8(ascii: ".")
    }
  }

  /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
  static func isDNSLabel(_ text: Substring) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last, isLowerAlphanumeric(first),
      isLowerAlphanumeric(last)
    else { return false }
    return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
  }

  /// Dot-separated DNS labels. Splitting bytes at `.` rather than characters gives the same
  /// answer: any byte beyond ASCII makes its label invalid either way.
  static func isDNSSubdomain(_ text: String) -> Bool {
    var atLabelStart = true
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: ".") {
        guard !atLabelStart, previous != UInt8(ascii: "-") else { return false }
        atLabelStart = true
      } else if byte == UInt8(ascii: "-") {
        guard !atLabelStart else { return false }
      } else if isLowerAlphanumeric(byte) {
        atLabelStart = false
      } else {
        return false
      }
      previous = byte
    }
    return !atLabelStart && previous != UInt8(ascii: "-")
  }

  /// Upstream `MaxLenError`.
  static func maxLengthError(_ length: Int) -> String {
    "must be no more than \(length) characters"
  }

  /// Upstream `RegexError`: the message, examples, and the pattern used.
  static func regexError(_ message: String, _ pattern: String, _ examples: String...) -> String {
    let quoted = examples.map { "'\($0)', " }.joined(separator: " or ")
    return message + " (e.g. " + quoted + "regex used for validation is '" + pattern + "')"
  }
}
