/// The pod to place.
public struct SchedulingRequest: Sendable {
  /// `metadata.namespace`.
  public var namespace: String
  /// `metadata.labels`.
  public var labels: [String: String]
  /// The pod's requests.
  public var requests: PodRequests
  /// The pod's scheduling constraints.
  public var constraints: SchedulingConstraints

  /// Creates a request.
  public init(
    namespace: String, labels: [String: String], requests: PodRequests,
    constraints: SchedulingConstraints
  ) {
    self.namespace = namespace
    self.labels = labels
    self.requests = requests
    self.constraints = constraints
  }
}
