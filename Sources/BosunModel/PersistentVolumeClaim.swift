public import BosunCore
public import BosunYAML

/// A `v1` PersistentVolumeClaim, standalone or in a StatefulSet's `volumeClaimTemplates`.
public struct PersistentVolumeClaim: Equatable, Sendable {
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.accessModes`.
  public var accessModes: [String]
  /// `spec.storageClassName`.
  public var storageClassName: String?
  /// `spec.volumeMode`.
  public var volumeMode: String?
  /// `spec.volumeName`.
  public var volumeName: String?
  /// `spec.resources`.
  public var resources: ResourceRequirements
  /// `spec.selector`.
  public var selector: LabelSelector?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    accessModes = spec.strings("accessModes")
    storageClassName = spec.string("storageClassName")
    volumeMode = spec.string("volumeMode")
    volumeName = spec.string("volumeName")
    resources = ResourceRequirements(spec.object("resources"))
    selector = LabelSelector.read(spec.object("selector"))
    pointer = fields.pointer
  }

  /// `spec.resources.requests.storage`.
  public var requestedStorage: Quantity? { resources.requests["storage"] }

  /// Reads a PersistentVolumeClaim, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    PersistentVolumeClaim, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, PersistentVolumeClaim.init)
  }
}
