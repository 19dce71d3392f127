/// A Kubernetes minor version such as 1.31; patch levels are accepted and dropped, since the API
/// schema changes only between minor versions.
public struct KubernetesVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The major version (1).
  public var major: Int
  /// The minor version.
  public var minor: Int

  /// Creates a version.
  public init(major: Int = 1, minor: Int) {
    self.major = major
    self.minor = minor
  }

  /// Parses `1.31`, `1.31.4`, `v1.31` or `v1.31.4`; nil for anything else.
  public init?(_ text: String) {
    var body = Substring(text)
    if body.first == "v" { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), let major = Int(parts[0]), let minor = Int(parts[1]),
      parts.count == 2 || Int(parts[2]) != nil, major >= 0, minor >= 0
    else { return nil }
    self.init(major: major, minor: minor)
  }

  /// `1.31`.
  public var description: String { "\(major).\(minor)" }

  /// Orders by major, then minor.
  public static func < (lhs: KubernetesVersion, rhs: KubernetesVersion) -> Bool {
    (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
  }
}
