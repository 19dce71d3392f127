/// A set of Kubernetes 1.x minor versions, such as "1.25–1.28, 1.30".
///
/// The catalogue records for every kind and field the versions it exists in; findings carry the
/// versions they apply to, so a report can say "valid in 1.25–1.28; invalid from 1.29".
public struct VersionSet: Hashable, Sendable, CustomStringConvertible {
  /// Bit `n` stands for 1.n.
  private var bits: UInt64

  /// The empty set.
  public static let empty = VersionSet(bits: 0)

  private init(bits: UInt64) { self.bits = bits }

  /// The set of the given versions; versions other than 1.0–1.63 are ignored.
  public init<S: Sequence>(_ versions: S) where S.Element == KubernetesVersion {
    bits = 0
    for version in versions { insert(version) }
  }

  /// Parses the catalogue's compact form: minors and ranges, `"25-28,30"`; nil when malformed.
  public init?(compact text: String) {
    bits = 0
    for part in text.split(separator: ",") {
      let ends = part.split(separator: "-", omittingEmptySubsequences: false)
      guard (1...2).contains(ends.count), let low = Int(ends[0]), let high = Int(ends.last!),
        low >= 0, low <= high, high < 64
      else { return nil }
      for minor in low...high { bits |= 1 << UInt64(minor) }
    }
  }

  /// Whether `version` is in the set.
  public func contains(_ version: KubernetesVersion) -> Bool {
    guard version.major == 1, (0..<64).contains(version.minor) else { return false }
    return bits & (1 << UInt64(version.minor)) != 0
  }

  /// Adds a version.
  public mutating func insert(_ version: KubernetesVersion) {
    guard version.major == 1, (0..<64).contains(version.minor) else { return }
    bits |= 1 << UInt64(version.minor)
  }

  /// The versions in both sets.
  public func intersection(_ other: VersionSet) -> VersionSet {
    VersionSet(bits: bits & other.bits)
  }
  /// The versions in either set.
  public func union(_ other: VersionSet) -> VersionSet { VersionSet(bits: bits | other.bits) }
  /// The versions in this set and not in `other`.
  public func subtracting(_ other: VersionSet) -> VersionSet {
    VersionSet(bits: bits & ~other.bits)
  }

  /// Whether no version is in the set.
  public var isEmpty: Bool { bits == 0 }

  /// The versions, oldest first.
  public var versions: [KubernetesVersion] {
    (0..<64).filter { bits & (1 << UInt64($0)) != 0 }.map { KubernetesVersion(minor: $0) }
  }

  /// The oldest version, if any.
  public var oldest: KubernetesVersion? { versions.first }
  /// The newest version, if any.
  public var newest: KubernetesVersion? { versions.last }

  /// Runs of consecutive minors, oldest first.
  public var ranges: [ClosedRange<KubernetesVersion>] {
    var out: [ClosedRange<KubernetesVersion>] = []
    for version in versions {
      if let last = out.last, last.upperBound.minor + 1 == version.minor {
        out[out.count - 1] = last.lowerBound...version
      } else {
        out.append(version...version)
      }
    }
    return out
  }

  /// `1.25–1.28, 1.30`, or `none`.
  public var description: String {
    guard !isEmpty else { return "none" }
    return ranges.map { range in
      range.lowerBound == range.upperBound
        ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
    }.joined(separator: ", ")
  }
}
