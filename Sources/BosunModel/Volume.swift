public import BosunCore
public import BosunYAML

/// An entry of a pod's `volumes`.
public struct Volume: Equatable, Sendable {
  /// `name`.
  public var name: String?
  /// The volume source key that is set (`configMap`, `secret`, `persistentVolumeClaim`,
  /// `emptyDir`, `hostPath`, `projected`, ...), or nil when none is.
  public var sourceKind: String?
  /// The source's own fields, unparsed, for sources this view does not model.
  public var source: Node?
  /// `configMap.name`.
  public var configMapName: String?
  /// `secret.secretName`.
  public var secretName: String?
  /// `persistentVolumeClaim.claimName`.
  public var claimName: String?
  /// `hostPath.path`.
  public var hostPath: String?
  /// ConfigMap and Secret names referenced through `projected.sources`.
  public var projectedConfigMapNames: [String]
  /// Secret names referenced through `projected.sources`.
  public var projectedSecretNames: [String]
  /// Whether `configMap.optional` or `secret.optional` is true.
  public var optional: Bool?
  /// Where the volume is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    name = fields.string("name")
    let key = fields.node?.pairs?.first { $0.key.scalarText != "name" }?.key.scalarText
    sourceKind = key
    source = key.flatMap { fields.raw($0) }
    let configMap = fields.object("configMap")
    let secret = fields.object("secret")
    configMapName = configMap.string("name")
    secretName = secret.string("secretName")
    optional = configMap.bool("optional") ?? secret.bool("optional")
    claimName = fields.object("persistentVolumeClaim").string("claimName")
    hostPath = fields.object("hostPath").string("path")
    let sources = fields.object("projected").objects("sources")
    projectedConfigMapNames = sources.compactMap { $0.object("configMap").string("name") }
    projectedSecretNames = sources.compactMap { $0.object("secret").string("name") }
    pointer = fields.pointer
  }
}
