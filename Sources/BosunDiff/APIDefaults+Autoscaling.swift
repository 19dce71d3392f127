import BosunCore

// mirrors pkg/apis/autoscaling/v2/defaults.go (SetDefaults_HorizontalPodAutoscaler and
// SetDefaults_HorizontalPodAutoscalerBehavior)
extension APIDefaults {
  private static let autoscaling = "pkg/apis/autoscaling/v2/defaults.go"
  private static let hpa: Set<String> = ["HorizontalPodAutoscaler"]

  private static func policy(_ type: String, _ value: Int64) -> Value {
    .object([
      (key: "type", value: .string(type)), (key: "value", value: .int(value)),
      (key: "periodSeconds", value: .int(15)),
    ])
  }

  /// `len(metrics) == 0` → one CPU metric at `DefaultCPUUtilization` (80 %). autoscaling/v1
  /// has no `metrics`; it carries the target in `targetCPUUtilizationPercentage` instead.
  private static let cpuMetric = Value.object([
    (key: "type", value: .string("Resource")),
    (
      key: "resource",
      value: .object([
        (key: "name", value: .string("cpu")),
        (
          key: "target",
          value: .object([
            (key: "type", value: .string("Utilization")),
            (key: "averageUtilization", value: .int(80)),
          ])
        ),
      ])
    ),
  ])

  /// HorizontalPodAutoscaler rows. When `spec.behavior` is set (even `{}`), each nil rule is
  /// `GenerateHPAScaleUpRules`/`GenerateHPAScaleDownRules`: the default rule with every non-nil
  /// field of the given one copied over. Scale-down has no `stabilizationWindowSeconds`
  /// default: the controller reads `--horizontal-pod-autoscaler-downscale-stabilization`
  /// (300 s) at run time and the stored field stays nil (kubernetes/kubernetes#114100).
  static let horizontalPodAutoscaler: [APIDefault] = [
    APIDefault(hpa, "spec", "minReplicas", .value(.int(1)), source: autoscaling),
    APIDefault(
      hpa, "spec", "metrics", .value(.array([cpuMetric])),
      when: .rootIn(
        "/apiVersion", [.string("autoscaling/v2"), .string("autoscaling/v2beta2")]),
      orEmpty: true, source: autoscaling),
    APIDefault(
      hpa, "spec/behavior/+scaleUp", "stabilizationWindowSeconds", .value(.int(0)),
      source: autoscaling),
    APIDefault(
      hpa, "spec/behavior/+scaleUp", "selectPolicy", .value(.string("Max")),
      source: autoscaling),
    APIDefault(
      hpa, "spec/behavior/+scaleUp", "policies",
      .value(.array([policy("Pods", 4), policy("Percent", 100)])), source: autoscaling),
    APIDefault(
      hpa, "spec/behavior/+scaleDown", "selectPolicy", .value(.string("Max")),
      source: autoscaling),
    APIDefault(
      hpa, "spec/behavior/+scaleDown", "policies", .value(.array([policy("Percent", 100)])),
      source: autoscaling),
  ]
}
