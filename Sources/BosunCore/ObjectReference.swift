/// The identity of a Kubernetes object as a diagnostic names it.
///
/// Kept as plain strings so every stage can attach it; `BosunModel` builds richer identities.
public struct ObjectReference: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// `apiVersion` as written, e.g. `apps/v1`.
  public var apiVersion: String
  /// `kind` as written.
  public var kind: String
  /// The namespace, nil for cluster-scoped objects or when unknown.
  public var namespace: String?
  /// `metadata.name`, or `metadata.generateName` followed by `*`.
  public var name: String

  /// Creates a reference.
  public init(apiVersion: String, kind: String, namespace: String?, name: String) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  /// `Kind/namespace/name`, or `Kind/name` without a namespace.
  public var description: String {
    if let namespace { return "\(kind)/\(namespace)/\(name)" }
    return "\(kind)/\(name)"
  }

  /// Orders by the description, for stable output.
  public static func < (lhs: ObjectReference, rhs: ObjectReference) -> Bool {
    lhs.description < rhs.description
  }
}
