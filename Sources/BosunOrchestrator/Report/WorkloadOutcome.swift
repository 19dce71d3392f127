public import BosunCore

/// How one workload's rollout went: its replica counts over time, the verdict, and how far it
/// strayed from its strategy's limits.
public struct WorkloadOutcome: Sendable, Equatable {
  /// The rollout's verdict, as `kubectl rollout status` would end.
  public enum Verdict: Sendable, Equatable {
    /// Every replica updated and available at `at`.
    case completes(at: Double)
    /// Still waiting at the horizon, since `since`, for the reason given.
    case stalls(reason: String, since: Double)
    /// The Deployment's `progressDeadlineSeconds` passed at `at` (condition `Progressing`
    /// with reason `ProgressDeadlineExceeded`).
    case progressDeadlineExceeded(at: Double)
    /// The rollout cannot go on at all (a Job out of retries, an invalid template).
    case failed(reason: String)
  }

  /// The extra pods beyond the desired count at the rollout's peak.
  public struct SurgePeak: Sendable, Equatable {
    /// When the peak was first reached.
    public var at: Double
    /// Pods beyond `desired`, terminating ones included.
    public var extraPods: Int
    /// What those extra pods requested of the nodes.
    public var extraRequests: ResourceList

    /// Creates a surge peak.
    public init(at: Double, extraPods: Int, extraRequests: ResourceList) {
      self.at = at
      self.extraPods = extraPods
      self.extraRequests = extraRequests
    }
  }

  /// The workload.
  public var object: ObjectReference
  /// The update strategy as a person reads it, e.g. `RollingUpdate maxSurge 3 maxUnavailable 2`.
  public var strategy: String
  /// The revision before the rollout; nil for a workload the plan creates.
  public var fromRevision: Int?
  /// The revision the rollout moves to; nil when the template does not change (a scale).
  public var toRevision: Int?
  /// When the controller first acted on the change.
  public var startedAt: Double
  /// When the rollout completed or failed; nil while it never did.
  public var finishedAt: Double?
  /// The verdict.
  public var verdict: Verdict
  /// Replica counts at every change, in time order; the first is at `startedAt`.
  public var samples: [ReplicaSample]
  /// The most replicas below `desired` that were unavailable at once.
  public var maxUnavailableSeen: Int
  /// What the strategy allows (`maxUnavailable` resolved against `desired`).
  public var maxUnavailableAllowed: Int
  /// The surge peak; nil when the rollout never ran more pods than desired.
  public var surgePeak: SurgePeak?
  /// Seconds from `startedAt` to `finishedAt`, or to the end of the simulation.
  public var duration: Double

  /// Creates a workload outcome.
  public init(
    object: ObjectReference, strategy: String, fromRevision: Int? = nil,
    toRevision: Int? = nil, startedAt: Double, finishedAt: Double? = nil, verdict: Verdict,
    samples: [ReplicaSample] = [], maxUnavailableSeen: Int = 0, maxUnavailableAllowed: Int = 0,
    surgePeak: SurgePeak? = nil, duration: Double
  ) {
    self.object = object
    self.strategy = strategy
    self.fromRevision = fromRevision
    self.toRevision = toRevision
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.verdict = verdict
    self.samples = samples
    self.maxUnavailableSeen = maxUnavailableSeen
    self.maxUnavailableAllowed = maxUnavailableAllowed
    self.surgePeak = surgePeak
    self.duration = duration
  }

  /// Whether more replicas were unavailable at once than the strategy allows.
  public var exceededMaxUnavailable: Bool { maxUnavailableSeen > maxUnavailableAllowed }
}
