public import BosunCore
public import BosunYAML

/// A `v1` Pod.
public struct Pod: Equatable, Sendable {
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec`.
  public var spec: PodSpec
  /// Where the object is (the document root).
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    spec = PodSpec(fields.object("spec"))
    pointer = fields.pointer
  }

  /// The Pod seen as a template: its own metadata and spec, at its root.
  public var template: PodTemplateSpec {
    PodTemplateSpec(metadata: metadata, spec: spec, pointer: pointer)
  }

  /// Reads a Pod, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (Pod, [ModelIssue]) {
    FieldReader.decode(node, at: pointer, Pod.init)
  }
}
