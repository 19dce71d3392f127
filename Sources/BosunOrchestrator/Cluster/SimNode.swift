public import BosunModel

/// A node of the simulated cluster: what the scheduler and the kubelet model need of a
/// recorded `v1` Node.
public struct SimNode: Hashable, Sendable {
  /// `metadata.name`.
  public var name: String
  /// `metadata.labels` (`kubernetes.io/hostname`, `topology.kubernetes.io/zone`, ...).
  public var labels: [String: String]
  /// `spec.taints`.
  public var taints: [ClusterNode.Taint]
  /// `status.allocatable` without `pods`.
  public var allocatable: ResourceList
  /// `status.allocatable.pods` (110 when not recorded, the kubelet's default `maxPods`).
  public var allowedPodCount: Int
  /// `spec.unschedulable` (cordoned).
  public var unschedulable: Bool
  /// Whether the node is Ready; a node that is not runs no new pods.
  public var ready: Bool

  /// The kubelet's default `--max-pods`.
  public static let defaultAllowedPodCount = 110

  /// Creates a node directly (tests, generated clusters).
  public init(
    name: String, labels: [String: String] = [:], taints: [ClusterNode.Taint] = [],
    allocatable: ResourceList, allowedPodCount: Int = SimNode.defaultAllowedPodCount,
    unschedulable: Bool = false, ready: Bool = true
  ) {
    self.name = name
    var labels = labels
    if labels["kubernetes.io/hostname"] == nil { labels["kubernetes.io/hostname"] = name }
    self.labels = labels
    self.taints = taints
    self.allocatable = allocatable
    self.allowedPodCount = allowedPodCount
    self.unschedulable = unschedulable
    self.ready = ready
  }

  /// Reads a recorded Node; `allocatable` falls back to `capacity` when only that was recorded.
  public init(_ node: ClusterNode) {
    let quantities = node.allocatable.isEmpty ? node.capacity : node.allocatable
    let pods = quantities["pods"].map { Int($0.value) } ?? SimNode.defaultAllowedPodCount
    self.init(
      name: node.metadata.name ?? "", labels: node.metadata.labels, taints: node.taints,
      allocatable: ResourceList(quantities), allowedPodCount: pods,
      unschedulable: node.unschedulable ?? false,
      ready: (node.conditions["Ready"] ?? "True") == "True")
  }
}
