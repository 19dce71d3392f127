/// A pod of the simulated cluster.
public struct SimPod: Sendable {
  /// The controller that made the pod.
  public enum Owner: Hashable, Sendable {
    /// A ReplicaSet, by its id in the simulation.
    case replicaSet(Int)
    /// A StatefulSet.
    case statefulSet(WorkloadKey)
    /// A DaemonSet.
    case daemonSet(WorkloadKey)
    /// A Job.
    case job(WorkloadKey)
    /// A bare pod, standing for itself.
    case standalone(WorkloadKey)
  }

  /// The pod's lifecycle phase, as `status.phase`.
  public enum Phase: String, Hashable, Sendable {
    /// Not yet running: unscheduled, pulling images or running init containers.
    case pending = "Pending"
    /// Bound and its containers started.
    case running = "Running"
    /// Every container exited 0 and will not restart.
    case succeeded = "Succeeded"
    /// A container failed and will not restart.
    case failed = "Failed"
  }

  /// Index in the simulation's pod table.
  public var id: Int
  /// `metadata.namespace`.
  public var namespace: String
  /// `metadata.name`.
  public var name: String
  /// `metadata.labels`.
  public var labels: [String: String]
  /// The controller, when there is one.
  public var owner: Owner?
  /// The template the pod was made from.
  public var blueprint: PodBlueprint
  /// The revision the pod belongs to (the template hash, or a StatefulSet/DaemonSet revision).
  public var revision: String
  /// The StatefulSet ordinal or the Indexed Job index.
  public var ordinal: Int?
  /// The node the pod must go to (a DaemonSet pod's node affinity pins it).
  public var pinnedNode: Int?
  /// The node the pod is bound to.
  public var nodeIndex: Int?
  /// `status.phase`.
  public var phase: Phase = .pending
  /// Whether every container has started.
  public var started = false
  /// The Ready condition.
  public var ready = false
  /// When the pod last became Ready.
  public var readySince: Double?
  /// When the pod was created.
  public var createdAt: Double
  /// When the pod was deleted (it holds its node's resources until it is gone).
  public var deletedAt: Double?
  /// Container restarts so far.
  public var restarts = 0
  /// Bumped at every kubelet attempt and at deletion: events of an older attempt are stale.
  public var attempt = 0
  /// Why the scheduler could not place the pod, while it is unschedulable.
  public var unschedulableMessage: String?
  /// Since when the pod has been unschedulable.
  public var unschedulableSince: Double?
  /// When the scheduler last tried the pod, and how often it failed in a row.
  public var lastSchedulingAttempt = -Double.infinity
  /// Failed scheduling attempts in a row (the back-off grows with them).
  public var failedSchedulingAttempts = 0
  /// Why the pod is not ready (`CrashLoopBackOff`, `readiness probe failing`), for the report.
  public var waitingReason: String?

  /// Whether the pod is being deleted.
  public var terminating: Bool { deletedAt != nil }

  /// Whether the pod counts as active for its controller: not terminating, not finished.
  public var isActive: Bool {
    deletedAt == nil && phase != .succeeded && phase != .failed
  }

  /// Available: Ready for at least `minReadySeconds`, and not terminating
  /// (mirrors pkg/api/v1/pod/util.go IsPodAvailable).
  public func isAvailable(at now: Double, minReadySeconds: Int) -> Bool {
    guard isActive, ready, let readySince else { return false }
    // The same sum the availability event was scheduled with, so it holds exactly then.
    return minReadySeconds == 0 || now >= readySince + Double(minReadySeconds)
  }
}

/// A workload's identity in the simulation: kind, namespace and name.
public struct WorkloadKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// `Deployment`, `StatefulSet`, `DaemonSet`, `Job`, `ReplicaSet` or `Pod`.
  public var kind: String
  /// Namespace.
  public var namespace: String
  /// Name.
  public var name: String

  /// Creates a key.
  public init(kind: String, namespace: String, name: String) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  /// Orders by namespace, name, kind.
  public static func < (lhs: WorkloadKey, rhs: WorkloadKey) -> Bool {
    (lhs.namespace, lhs.name, lhs.kind) < (rhs.namespace, rhs.name, rhs.kind)
  }

  /// `Kind/namespace/name`.
  public var description: String { "\(kind)/\(namespace)/\(name)" }
}
