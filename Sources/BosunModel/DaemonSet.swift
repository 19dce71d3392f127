public import BosunCore
public import BosunYAML

/// An `apps/v1` DaemonSet.
public struct DaemonSet: Equatable, Sendable {
  /// `spec.updateStrategy`.
  public struct UpdateStrategy: Hashable, Sendable {
    /// `type`: `RollingUpdate` (default) or `OnDelete`.
    public var type: String?
    /// `rollingUpdate.maxSurge` (default 0).
    public var maxSurge: IntOrString?
    /// `rollingUpdate.maxUnavailable` (default 1).
    public var maxUnavailable: IntOrString?
    /// Where the strategy is.
    public var pointer: JSONPointer
  }

  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.selector`.
  public var selector: LabelSelector?
  /// `spec.template`.
  public var template: PodTemplateSpec
  /// `spec.updateStrategy`.
  public var updateStrategy: UpdateStrategy
  /// `spec.minReadySeconds`.
  public var minReadySeconds: Int?
  /// `spec.revisionHistoryLimit`.
  public var revisionHistoryLimit: Int?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    selector = LabelSelector.read(spec.object("selector"))
    template = PodTemplateSpec(spec.object("template"))
    let strategy = spec.object("updateStrategy")
    let rolling = strategy.object("rollingUpdate")
    updateStrategy = UpdateStrategy(
      type: strategy.string("type"), maxSurge: rolling.intOrString("maxSurge"),
      maxUnavailable: rolling.intOrString("maxUnavailable"), pointer: strategy.pointer)
    minReadySeconds = spec.int("minReadySeconds")
    revisionHistoryLimit = spec.int("revisionHistoryLimit")
    pointer = fields.pointer
  }

  /// Reads a DaemonSet, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    DaemonSet, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, DaemonSet.init)
  }
}
