/// The plugins of kube-scheduler's default profile that the simulated scheduler runs, in the
/// profile's order (pkg/scheduler/apis/config/v1/default_plugins.go).
///
/// Volume plugins (VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone) and
/// ImageLocality are not modelled: the snapshot has no volume attachments or node image lists.
public enum SchedulingPlugin: String, Sendable, CaseIterable {
  /// Filters cordoned nodes.
  case nodeUnschedulable = "NodeUnschedulable"
  /// Filters nodes other than `spec.nodeName`.
  case nodeName = "NodeName"
  /// Filters untolerated NoSchedule/NoExecute taints; scores PreferNoSchedule ones.
  case taintToleration = "TaintToleration"
  /// Filters on node selector and required affinity; scores preferred affinity.
  case nodeAffinity = "NodeAffinity"
  /// Filters host port clashes.
  case nodePorts = "NodePorts"
  /// Filters on free requests; scores by the scoring strategy.
  case nodeResourcesFit = "NodeResourcesFit"
  /// Filters DoNotSchedule spread constraints; scores ScheduleAnyway ones.
  case podTopologySpread = "PodTopologySpread"
  /// Filters required pod (anti-)affinity; scores preferred terms.
  case interPodAffinity = "InterPodAffinity"
  /// Scores how evenly cpu and memory would be used.
  case nodeResourcesBalancedAllocation = "NodeResourcesBalancedAllocation"

  /// The score weight in the default profile (0 for filter-only plugins).
  public var weight: Int64 {
    switch self {
    case .taintToleration: 3
    case .nodeAffinity, .podTopologySpread, .interPodAffinity: 2
    case .nodeResourcesFit, .nodeResourcesBalancedAllocation: 1
    case .nodeUnschedulable, .nodeName, .nodePorts: 0
    }
  }

  /// The scoring plugins, in the order their scores are reported.
  public static let scoring: [SchedulingPlugin] = [
    .taintToleration, .nodeAffinity, .nodeResourcesFit, .podTopologySpread, .interPodAffinity,
    .nodeResourcesBalancedAllocation,
  ]
}
