public import BosunCore
public import BosunYAML

/// A `policy/v1` PodDisruptionBudget.
public struct PodDisruptionBudget: Equatable, Sendable {
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.minAvailable`.
  public var minAvailable: IntOrString?
  /// `spec.maxUnavailable`.
  public var maxUnavailable: IntOrString?
  /// `spec.selector`. In `policy/v1` an empty selector selects every pod in the namespace.
  public var selector: LabelSelector?
  /// `spec.unhealthyPodEvictionPolicy`.
  public var unhealthyPodEvictionPolicy: String?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    minAvailable = spec.intOrString("minAvailable")
    maxUnavailable = spec.intOrString("maxUnavailable")
    selector = LabelSelector.read(spec.object("selector"))
    unhealthyPodEvictionPolicy = spec.string("unhealthyPodEvictionPolicy")
    pointer = fields.pointer
  }

  /// Reads a PodDisruptionBudget, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    PodDisruptionBudget, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, PodDisruptionBudget.init)
  }
}
