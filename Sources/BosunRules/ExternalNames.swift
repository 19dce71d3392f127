/// Objects that exist outside the checked input, declared in `.bosun.yaml` under
/// `externalNames`, so a partial set of manifests can refer to them without findings.
///
/// ```yaml
/// externalNames:
///   secrets: [tls-cert, prod/db-password]
///   configMaps: [kube-root-ca.crt]
/// ```
/// A name matches in every namespace; `namespace/name` matches in one.
public struct ExternalNames: Sendable, Equatable {
  /// The `.bosun.yaml` keys and the kinds they stand for.
  public static let kindsByKey: [(key: String, kind: String)] = [
    ("configMaps", "ConfigMap"), ("secrets", "Secret"),
    ("persistentVolumeClaims", "PersistentVolumeClaim"), ("serviceAccounts", "ServiceAccount"),
    ("services", "Service"), ("deployments", "Deployment"), ("statefulSets", "StatefulSet"),
  ]

  /// Names by kind, each `name` or `namespace/name`.
  public var names: [String: Set<String>]

  /// Creates a set of external names, keyed by kind (`Secret`, `ConfigMap`, ...).
  public init(_ names: [String: Set<String>] = [:]) { self.names = names }

  /// Whether the object is declared external.
  public func contains(kind: String, name: String, namespace: String?) -> Bool {
    guard let declared = names[kind] else { return false }
    if declared.contains(name) { return true }
    if let namespace { return declared.contains("\(namespace)/\(name)") }
    return false
  }
}
