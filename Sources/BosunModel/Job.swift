public import BosunCore
public import BosunYAML

/// A `batch/v1` Job.
public struct Job: Equatable, Sendable {
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec`.
  public var spec: JobSpec
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    spec = JobSpec(fields.object("spec"))
    pointer = fields.pointer
  }

  /// Reads a Job, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (Job, [ModelIssue]) {
    FieldReader.decode(node, at: pointer, Job.init)
  }
}
