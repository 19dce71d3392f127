public import BosunCore
public import BosunYAML

/// A `v1` Secret. Values are kept as written (base64 for `data`); nothing is decoded or
/// printed by the model.
public struct Secret: Equatable, Sendable {
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `type` (default `Opaque`).
  public var type: String?
  /// `data` (base64 text).
  public var data: [String: String]
  /// `stringData`.
  public var stringData: [String: String]
  /// `immutable`.
  public var immutable: Bool?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    type = fields.string("type")
    data = fields.stringMap("data")
    stringData = fields.stringMap("stringData")
    immutable = fields.bool("immutable")
    pointer = fields.pointer
  }

  /// Every key of `data` and `stringData`.
  public var keys: Set<String> { Set(data.keys).union(stringData.keys) }

  /// Reads a Secret, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    Secret, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, Secret.init)
  }
}
