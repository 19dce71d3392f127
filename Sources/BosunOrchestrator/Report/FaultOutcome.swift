/// An injected fault and what it did to the workloads.
public struct FaultOutcome: Sendable, Equatable {
  /// What happened to the node.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// The node stopped: its pods are lost and recreated elsewhere by their controllers.
    case nodeFailure = "node-failure"
    /// `kubectl drain`: cordon, then evict each pod through the Eviction API.
    case drain
  }

  /// An eviction a PodDisruptionBudget refused.
  public struct BlockedEviction: Sendable, Equatable {
    /// The pod, `namespace/name`.
    public var pod: String
    /// The PodDisruptionBudget that refused, `namespace/name`.
    public var budget: String
    /// When the eviction was last refused.
    public var at: Double
    /// The API server's answer, e.g. `Cannot evict pod as it would violate the pod's
    /// disruption budget.`
    public var message: String

    /// Creates a blocked eviction.
    public init(pod: String, budget: String, at: Double, message: String) {
      self.pod = pod
      self.budget = budget
      self.at = at
      self.message = message
    }
  }

  /// What happened.
  public var kind: Kind
  /// The node.
  public var node: String
  /// When.
  public var at: Double
  /// The pods the fault removed from the node, `namespace/name`, sorted.
  public var displacedPods: [String]
  /// When every workload that lost a pod was fully available again; nil when one never was.
  public var healedAt: Double?
  /// Evictions the drain could not make.
  public var blockedEvictions: [BlockedEviction]
  /// For a fault that never healed, why: each workload still short and what holds it.
  public var unhealed: [String]

  /// Creates a fault outcome.
  public init(
    kind: Kind, node: String, at: Double, displacedPods: [String] = [],
    healedAt: Double? = nil, blockedEvictions: [BlockedEviction] = [], unhealed: [String] = []
  ) {
    self.kind = kind
    self.node = node
    self.at = at
    self.displacedPods = displacedPods
    self.healedAt = healedAt
    self.blockedEvictions = blockedEvictions
    self.unhealed = unhealed
  }
}
