public import BosunCore
public import BosunYAML

/// A `v1` ConfigMap.
public struct ConfigMap: Equatable, Sendable {
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `data`.
  public var data: [String: String]
  /// `binaryData` (base64 text, not decoded).
  public var binaryData: [String: String]
  /// `immutable`.
  public var immutable: Bool?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    data = fields.stringMap("data")
    binaryData = fields.stringMap("binaryData")
    immutable = fields.bool("immutable")
    pointer = fields.pointer
  }

  /// Every key of `data` and `binaryData`.
  public var keys: Set<String> { Set(data.keys).union(binaryData.keys) }

  /// Reads a ConfigMap, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    ConfigMap, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, ConfigMap.init)
  }
}
