public import BosunCore

/// A `v1` Event the simulated controllers, scheduler and kubelets recorded, as
/// `kubectl get events` lists it.
public struct ClusterEvent: Sendable, Equatable {
  /// The event's `type`.
  public enum EventType: String, Sendable, Equatable, CaseIterable {
    /// Routine progress (`ScalingReplicaSet`, `Scheduled`, `Pulled`, `Killing`).
    case normal = "Normal"
    /// Something a person may need to act on (`FailedScheduling`, `BackOff`, `Unhealthy`).
    case warning = "Warning"
  }

  /// Seconds from the start (the last time, for an event seen more than once).
  public var time: Double
  /// `Normal` or `Warning`.
  public var type: EventType
  /// The object involved.
  public var object: ObjectReference
  /// The short machine-readable reason, e.g. `FailedScheduling`.
  public var reason: String
  /// The human-readable message.
  public var message: String
  /// How many times it happened (the API server folds repeats into one event).
  public var count: Int

  /// Creates an event.
  public init(
    time: Double, type: EventType = .normal, object: ObjectReference, reason: String,
    message: String, count: Int = 1
  ) {
    self.time = time
    self.type = type
    self.object = object
    self.reason = reason
    self.message = message
    self.count = count
  }
}
