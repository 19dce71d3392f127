public import BosunCore
public import BosunYAML

/// An `apps/v1` Deployment.
public struct Deployment: Equatable, Sendable {
  /// `spec.strategy`.
  public struct Strategy: Hashable, Sendable {
    /// `type`: `RollingUpdate` (default) or `Recreate`.
    public var type: String?
    /// `rollingUpdate.maxSurge` (default 25%).
    public var maxSurge: IntOrString?
    /// `rollingUpdate.maxUnavailable` (default 25%).
    public var maxUnavailable: IntOrString?
    /// Where the strategy is (`/spec/strategy`).
    public var pointer: JSONPointer
  }

  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.replicas` (default 1).
  public var replicas: Int?
  /// `spec.selector`.
  public var selector: LabelSelector?
  /// `spec.template`.
  public var template: PodTemplateSpec
  /// `spec.strategy`.
  public var strategy: Strategy
  /// `spec.minReadySeconds`.
  public var minReadySeconds: Int?
  /// `spec.progressDeadlineSeconds` (default 600).
  public var progressDeadlineSeconds: Int?
  /// `spec.revisionHistoryLimit` (default 10).
  public var revisionHistoryLimit: Int?
  /// `spec.paused`.
  public var paused: Bool?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    replicas = spec.int("replicas")
    selector = LabelSelector.read(spec.object("selector"))
    template = PodTemplateSpec(spec.object("template"))
    let strategy = spec.object("strategy")
    let rolling = strategy.object("rollingUpdate")
    self.strategy = Strategy(
      type: strategy.string("type"), maxSurge: rolling.intOrString("maxSurge"),
      maxUnavailable: rolling.intOrString("maxUnavailable"), pointer: strategy.pointer)
    minReadySeconds = spec.int("minReadySeconds")
    progressDeadlineSeconds = spec.int("progressDeadlineSeconds")
    revisionHistoryLimit = spec.int("revisionHistoryLimit")
    paused = spec.bool("paused")
    pointer = fields.pointer
  }

  /// Reads a Deployment, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    Deployment, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, Deployment.init)
  }
}
