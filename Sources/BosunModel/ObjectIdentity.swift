public import BosunCore

/// Who an object is: group, version, kind, namespace and name.
///
/// Two objects with the same group, kind, namespace and name are the same object to the API
/// server, whatever their version, so `key` leaves the version out.
public struct ObjectIdentity: Hashable, Sendable, CustomStringConvertible {
  /// The API group; empty for the core group (`v1`).
  public var group: String
  /// The API version within the group, e.g. `v1`.
  public var version: String
  /// The kind, e.g. `Deployment`.
  public var kind: String
  /// The namespace after defaulting; nil for cluster-scoped kinds.
  public var namespace: String?
  /// `metadata.name`; nil when only `generateName` is set.
  public var name: String?
  /// `metadata.generateName`, when set.
  public var generateName: String?

  /// Creates an identity.
  public init(
    group: String, version: String, kind: String, namespace: String?, name: String?,
    generateName: String? = nil
  ) {
    self.group = group
    self.version = version
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.generateName = generateName
  }

  /// Splits an `apiVersion` into group and version: `apps/v1` → (`apps`, `v1`), `v1` → (``, `v1`).
  public static func split(apiVersion: String) -> (group: String, version: String) {
    // Bytes, when every one is ASCII and so a character of its own; searching characters
    // costs grapheme breaking.
    let bytes = apiVersion.utf8
    if bytes.allSatisfy({ $0 < 0x80 }) {
      guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return ("", apiVersion) }
      return (String(apiVersion[..<slash]), String(apiVersion[bytes.index(after: slash)...]))
    }
    guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
    return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
  }

  /// `group/version`, or just the version for the core group.
  public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

  /// The name, or `generateName*` when only that is set.
  public var displayName: String { name ?? generateName.map { "\($0)*" } ?? "<unnamed>" }

  /// What makes two objects the same object on a cluster.
  public struct Key: Hashable, Sendable, Comparable {
    /// API group.
    public var group: String
    /// Kind.
    public var kind: String
    /// Namespace, empty for cluster-scoped.
    public var namespace: String
    /// Name.
    public var name: String

    /// Orders by group, kind, namespace, name.
    public static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.group, lhs.kind, lhs.namespace, lhs.name) < (rhs.group, rhs.kind, rhs.namespace, rhs.name)
    }
  }

  /// The cluster identity; nil when the object has only a `generateName`.
  public var key: Key? {
    guard let name else { return nil }
    return Key(group: group, kind: kind, namespace: namespace ?? "", name: name)
  }

  /// The reference diagnostics carry.
  public var reference: ObjectReference {
    ObjectReference(apiVersion: apiVersion, kind: kind, namespace: namespace, name: displayName)
  }

  /// `Kind/namespace/name` or `Kind/name`.
  public var description: String { reference.description }
}
