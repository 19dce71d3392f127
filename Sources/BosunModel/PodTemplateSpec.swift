public import BosunCore

/// A pod template: the `metadata` and `spec` a controller stamps pods from. For a Pod itself,
/// the template is the Pod's own metadata and spec, at the root.
public struct PodTemplateSpec: Equatable, Sendable {
  /// The template's `metadata` (labels the selector must match).
  public var metadata: ObjectMeta
  /// The template's `spec`.
  public var spec: PodSpec
  /// Where the template is (`/spec/template`, `/spec/jobTemplate/spec/template`, or the root
  /// for a Pod).
  public var pointer: JSONPointer

  /// Creates a template from its parts.
  public init(metadata: ObjectMeta, spec: PodSpec, pointer: JSONPointer) {
    self.metadata = metadata
    self.spec = spec
    self.pointer = pointer
  }

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    spec = PodSpec(fields.object("spec"))
    pointer = fields.pointer
  }
}
