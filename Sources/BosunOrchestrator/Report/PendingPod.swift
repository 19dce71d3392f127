public import BosunCore

/// A pod still unscheduled when the simulation ended.
public struct PendingPod: Sendable, Equatable {
  /// `metadata.name`.
  public var name: String
  /// `metadata.namespace`.
  public var namespace: String
  /// The workload that owns it; nil for a bare pod.
  public var workload: ObjectReference?
  /// When it was created and first failed to schedule.
  public var since: Double
  /// The scheduler's last message, e.g. `0/6 nodes are available: 6 Insufficient cpu.`
  public var message: String

  /// Creates a pending pod.
  public init(
    name: String, namespace: String, workload: ObjectReference? = nil, since: Double,
    message: String
  ) {
    self.name = name
    self.namespace = namespace
    self.workload = workload
    self.since = since
    self.message = message
  }
}
