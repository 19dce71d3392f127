import BosunModel
public import BosunYAML

/// A `topologySpreadConstraints` entry, with the API defaults applied.
///
/// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/common.go
/// (`filterTopologySpreadConstraints`, `matchNodeInclusionPolicies`).
public struct TopologySpreadConstraint: Equatable, Sendable {
  /// `whenUnsatisfiable`.
  public enum Unsatisfiable: String, Sendable {
    /// A hard constraint, checked by the PodTopologySpread filter.
    case doNotSchedule = "DoNotSchedule"
    /// A soft constraint, used only in scoring.
    case scheduleAnyway = "ScheduleAnyway"
  }

  /// `maxSkew`.
  public var maxSkew: Int
  /// `topologyKey`.
  public var topologyKey: String
  /// `whenUnsatisfiable`.
  public var whenUnsatisfiable: Unsatisfiable
  /// `minDomains` (1 when unset).
  public var minDomains: Int
  /// `nodeAffinityPolicy: Honor` (the default): only nodes matching the pod's node selector and
  /// required node affinity make up the domains.
  public var honorsNodeAffinity: Bool
  /// `nodeTaintsPolicy: Honor` (default Ignore): nodes with taints the pod does not tolerate are
  /// left out of the domains.
  public var honorsNodeTaints: Bool
  var selector: PodLabelSelector

  /// Reads a constraint; `labels` are the pod's own, which `matchLabelKeys` copies into the
  /// selector.
  public init(_ node: Node, labels: [String: String]) {
    maxSkew = node.integer("maxSkew") ?? 1
    topologyKey = node.string("topologyKey") ?? ""
    whenUnsatisfiable =
      Unsatisfiable(rawValue: node.string("whenUnsatisfiable") ?? "") ?? .doNotSchedule
    minDomains = node.integer("minDomains") ?? 1
    honorsNodeAffinity = (node.string("nodeAffinityPolicy") ?? "Honor") == "Honor"
    honorsNodeTaints = (node.string("nodeTaintsPolicy") ?? "Ignore") == "Honor"
    var selector = PodLabelSelector(LabelSelector.decode(node["labelSelector"], at: .root).selector)
    selector.add(labelKeys: node.strings("matchLabelKeys"), from: labels, negated: false)
    self.selector = selector
  }

  /// Whether a pod with these labels counts towards the constraint (in the same namespace).
  /// An empty selector counts nothing, as upstream's `countPodsMatchSelector`.
  func counts(_ labels: [String: String]) -> Bool {
    !selector.isEverything && selector.matches(labels)
  }

  /// Whether the incoming pod matches its own selector (`selfMatchNum`).
  func matchesSelf(_ labels: [String: String]) -> Bool {
    selector.matches(labels)
  }
}
