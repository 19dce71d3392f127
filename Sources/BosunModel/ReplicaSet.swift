public import BosunCore
public import BosunYAML

/// An `apps/v1` ReplicaSet.
public struct ReplicaSet: Equatable, Sendable {
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.replicas` (default 1).
  public var replicas: Int?
  /// `spec.selector`.
  public var selector: LabelSelector?
  /// `spec.template`.
  public var template: PodTemplateSpec
  /// `spec.minReadySeconds`.
  public var minReadySeconds: Int?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    replicas = spec.int("replicas")
    selector = LabelSelector.read(spec.object("selector"))
    template = PodTemplateSpec(spec.object("template"))
    minReadySeconds = spec.int("minReadySeconds")
    pointer = fields.pointer
  }

  /// Reads a ReplicaSet, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    ReplicaSet, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, ReplicaSet.init)
  }
}
