/// A pod bound to a node, as the scheduler sees it.
public struct ResidentPod: Sendable {
  /// A number unique within the simulated cluster.
  public var id: Int
  /// `metadata.namespace`.
  public var namespace: String
  /// `metadata.labels`.
  public var labels: [String: String]
  /// What the pod holds on its node.
  public var requests: PodRequests
  /// The pod's scheduling constraints (its anti-affinity binds later pods).
  public var constraints: SchedulingConstraints
  /// Whether the pod is being deleted. It still holds its resources and ports until it is
  /// gone, but topology spread no longer counts it (upstream `countPodsMatchSelector`).
  public var terminating: Bool

  /// Creates a resident pod.
  public init(
    id: Int, namespace: String, labels: [String: String], requests: PodRequests,
    constraints: SchedulingConstraints, terminating: Bool = false
  ) {
    self.id = id
    self.namespace = namespace
    self.labels = labels
    self.requests = requests
    self.constraints = constraints
    self.terminating = terminating
  }
}
