public import BosunCore
public import BosunYAML

/// A `v1` Namespace.
public struct Namespace: Equatable, Sendable {
  /// `metadata` (Pod Security Admission reads its labels).
  public var metadata: ObjectMeta
  /// `spec.finalizers`.
  public var finalizers: [String]
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    finalizers = fields.object("spec").strings("finalizers")
    pointer = fields.pointer
  }

  /// Reads a Namespace, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    Namespace, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, Namespace.init)
  }
}
