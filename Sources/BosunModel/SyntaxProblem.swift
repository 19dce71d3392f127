/// One reason a name, label or annotation is malformed, with a stable code for tools and
/// upstream's wording for people.
public struct SyntaxProblem: Hashable, Sendable, CustomStringConvertible {
  /// What is wrong; the raw value is stable.
  public enum Code: String, Hashable, Sendable {
    /// The name part of a qualified name is empty.
    case nameEmpty = "name-empty"
    /// The name part is longer than 63 characters.
    case nameTooLong = "name-too-long"
    /// The name part has characters or ends that are not allowed.
    case nameInvalid = "name-invalid"
    /// The prefix before `/` is empty.
    case prefixEmpty = "prefix-empty"
    /// The prefix is longer than 253 characters.
    case prefixTooLong = "prefix-too-long"
    /// The prefix is not a DNS-1123 subdomain.
    case prefixInvalid = "prefix-invalid"
    /// More than one `/`.
    case tooManySlashes = "too-many-slashes"
    /// A label value is longer than 63 characters.
    case valueTooLong = "value-too-long"
    /// A label value has characters or ends that are not allowed.
    case valueInvalid = "value-invalid"
    /// A DNS name is longer than its limit.
    case dnsTooLong = "dns-too-long"
    /// A DNS-1123 label contains dots (it would be a valid subdomain).
    case dnsLabelHasDots = "dns-label-has-dots"
    /// A DNS name has characters or ends that are not allowed.
    case dnsInvalid = "dns-invalid"
    /// Annotations together are larger than 256 KiB.
    case annotationsTooLarge = "annotations-too-large"
  }

  /// What is wrong.
  public var code: Code
  /// Upstream's message, e.g. `name part must be no more than 63 characters`.
  public var message: String

  /// Creates a problem.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
