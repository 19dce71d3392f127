public import BosunCore
public import BosunYAML

/// An `apps/v1` StatefulSet.
public struct StatefulSet: Equatable, Sendable {
  /// `spec.updateStrategy`.
  public struct UpdateStrategy: Hashable, Sendable {
    /// `type`: `RollingUpdate` (default) or `OnDelete`.
    public var type: String?
    /// `rollingUpdate.partition` (default 0): ordinals below it keep the old revision.
    public var partition: Int?
    /// `rollingUpdate.maxUnavailable` (default 1).
    public var maxUnavailable: IntOrString?
    /// Where the strategy is.
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
  /// `spec.serviceName`: the headless Service that gives pods their DNS names.
  public var serviceName: String?
  /// `spec.podManagementPolicy`: `OrderedReady` (default) or `Parallel`.
  public var podManagementPolicy: String?
  /// `spec.updateStrategy`.
  public var updateStrategy: UpdateStrategy
  /// `spec.minReadySeconds`.
  public var minReadySeconds: Int?
  /// `spec.revisionHistoryLimit`.
  public var revisionHistoryLimit: Int?
  /// `spec.volumeClaimTemplates`.
  public var volumeClaimTemplates: [PersistentVolumeClaim]
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    replicas = spec.int("replicas")
    selector = LabelSelector.read(spec.object("selector"))
    template = PodTemplateSpec(spec.object("template"))
    serviceName = spec.string("serviceName")
    podManagementPolicy = spec.string("podManagementPolicy")
    let strategy = spec.object("updateStrategy")
    let rolling = strategy.object("rollingUpdate")
    updateStrategy = UpdateStrategy(
      type: strategy.string("type"), partition: rolling.int("partition"),
      maxUnavailable: rolling.intOrString("maxUnavailable"), pointer: strategy.pointer)
    minReadySeconds = spec.int("minReadySeconds")
    revisionHistoryLimit = spec.int("revisionHistoryLimit")
    volumeClaimTemplates = spec.objects("volumeClaimTemplates", PersistentVolumeClaim.init)
    pointer = fields.pointer
  }

  /// Reads a StatefulSet, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    StatefulSet, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, StatefulSet.init)
  }
}
