public import BosunCore

/// The `metadata` of an object: name, namespace, labels, annotations, owners.
public struct ObjectMeta: Hashable, Sendable {
  /// An entry of `ownerReferences`.
  public struct OwnerReference: Hashable, Sendable {
    /// `apiVersion` of the owner.
    public var apiVersion: String?
    /// `kind` of the owner.
    public var kind: String?
    /// `name` of the owner.
    public var name: String?
    /// Whether the owner is the managing controller.
    public var controller: Bool?
    /// Where the entry is.
    public var pointer: JSONPointer
  }

  /// `metadata.name`.
  public var name: String?
  /// `metadata.generateName`.
  public var generateName: String?
  /// `metadata.namespace`, as written (not defaulted).
  public var namespace: String?
  /// `metadata.labels`.
  public var labels: [String: String]
  /// `metadata.annotations`.
  public var annotations: [String: String]
  /// `metadata.ownerReferences`.
  public var ownerReferences: [OwnerReference]
  /// `metadata.finalizers`.
  public var finalizers: [String]
  /// Where the metadata is (`/metadata`, `/spec/template/metadata`).
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    name = fields.string("name")
    generateName = fields.string("generateName")
    namespace = fields.string("namespace")
    labels = fields.stringMap("labels")
    annotations = fields.stringMap("annotations")
    ownerReferences = fields.objects("ownerReferences") {
      OwnerReference(
        apiVersion: $0.string("apiVersion"), kind: $0.string("kind"), name: $0.string("name"),
        controller: $0.bool("controller"), pointer: $0.pointer)
    }
    finalizers = fields.strings("finalizers")
    pointer = fields.pointer
  }
}
