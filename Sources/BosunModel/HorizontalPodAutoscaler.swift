public import BosunCore
public import BosunYAML

/// A HorizontalPodAutoscaler, `autoscaling/v2` shape; `autoscaling/v1`'s
/// `targetCPUUtilizationPercentage` and `v2beta1`'s `targetAverageUtilization` read too.
public struct HorizontalPodAutoscaler: Equatable, Sendable {
  /// `spec.scaleTargetRef`.
  public struct ScaleTarget: Hashable, Sendable {
    /// `apiVersion`.
    public var apiVersion: String?
    /// `kind`.
    public var kind: String?
    /// `name`.
    public var name: String?
    /// Where the reference is.
    public var pointer: JSONPointer
  }

  /// An entry of `spec.metrics`.
  public struct Metric: Hashable, Sendable {
    /// `type`: `Resource`, `ContainerResource`, `Pods`, `Object` or `External`.
    public var type: String?
    /// The resource name (`cpu`) or the metric's name.
    public var name: String?
    /// `container`, for `ContainerResource`.
    public var container: String?
    /// `target.type`: `Utilization`, `AverageValue` or `Value`.
    public var targetType: String?
    /// `target.averageUtilization` (percent of the request).
    public var averageUtilization: Int?
    /// `target.averageValue`.
    public var averageValue: Quantity?
    /// `target.value`.
    public var value: Quantity?
    /// Where the metric is.
    public var pointer: JSONPointer
  }

  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.scaleTargetRef`.
  public var scaleTargetRef: ScaleTarget
  /// `spec.minReplicas` (default 1).
  public var minReplicas: Int?
  /// `spec.maxReplicas`.
  public var maxReplicas: Int?
  /// `spec.metrics`, with v1's CPU target turned into a `Resource` metric.
  public var metrics: [Metric]
  /// `spec.behavior`, unparsed.
  public var behavior: Node?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    let target = spec.object("scaleTargetRef")
    scaleTargetRef = ScaleTarget(
      apiVersion: target.string("apiVersion"), kind: target.string("kind"),
      name: target.string("name"), pointer: target.pointer)
    minReplicas = spec.int("minReplicas")
    maxReplicas = spec.int("maxReplicas")
    metrics = spec.objects("metrics", Self.metric)
    if let cpu = spec.int("targetCPUUtilizationPercentage") {
      metrics.append(
        Metric(
          type: "Resource", name: "cpu", targetType: "Utilization", averageUtilization: cpu,
          pointer: spec.pointer("targetCPUUtilizationPercentage")))
    }
    behavior = spec.object("behavior").node
    pointer = fields.pointer
  }

  private static func metric(_ fields: FieldReader) -> Metric {
    let type = fields.string("type")
    let sourceKey: String =
      switch type {
      case "ContainerResource": "containerResource"
      case "Pods": "pods"
      case "Object": "object"
      case "External": "external"
      default: "resource"
      }
    let source = fields.object(sourceKey)
    let target = source.object("target")
    return Metric(
      type: type, name: source.string("name") ?? source.object("metric").string("name"),
      container: source.string("container"), targetType: target.string("type"),
      averageUtilization: target.int("averageUtilization")
        ?? source.int("targetAverageUtilization"),
      averageValue: target.quantity("averageValue") ?? source.quantity("targetAverageValue"),
      value: target.quantity("value") ?? source.quantity("targetValue"), pointer: fields.pointer)
  }

  /// Reads a HorizontalPodAutoscaler, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    HorizontalPodAutoscaler, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, HorizontalPodAutoscaler.init)
  }
}
