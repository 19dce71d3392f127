public import BosunModel

/// What one Deployment sync decided; the engine applies it.
public struct DeploymentDecision: Hashable, Sendable {
  /// Which branch of upstream `syncDeployment` ran.
  public enum Path: Hashable, Sendable {
    /// `spec.paused`: proportional scaling only, no rollout (`sync`).
    case paused
    /// A `desired-replicas` annotation differs from `spec.replicas` (`isScalingEvent` → `sync`).
    case scalingEvent
    /// `rolloutRolling`.
    case rollingUpdate
    /// `rolloutRecreate`.
    case recreate
  }

  /// A new `spec.replicas` (and replica annotations) for one existing ReplicaSet.
  public struct Scale: Hashable, Sendable {
    /// The ReplicaSet.
    public var id: Int
    /// Its new `spec.replicas`.
    public var replicas: Int
    /// `deployment.kubernetes.io/desired-replicas` to write: the Deployment's replicas.
    public var desiredReplicas: Int
    /// `deployment.kubernetes.io/max-replicas` to write: replicas + maxSurge.
    public var maxReplicas: Int

    /// Creates a scale.
    public init(id: Int, replicas: Int, desiredReplicas: Int, maxReplicas: Int) {
      self.id = id
      self.replicas = replicas
      self.desiredReplicas = desiredReplicas
      self.maxReplicas = maxReplicas
    }
  }

  /// The ReplicaSet to create for the current template, when none exists yet.
  public struct NewReplicaSet: Hashable, Sendable {
    /// Its `spec.replicas` at creation.
    public var replicas: Int
    /// Its `deployment.kubernetes.io/revision`: the highest old revision + 1.
    public var revision: Int
    /// `deployment.kubernetes.io/desired-replicas`.
    public var desiredReplicas: Int
    /// `deployment.kubernetes.io/max-replicas`.
    public var maxReplicas: Int

    /// Creates a plan for a new ReplicaSet.
    public init(replicas: Int, revision: Int, desiredReplicas: Int, maxReplicas: Int) {
      self.replicas = replicas
      self.revision = revision
      self.desiredReplicas = desiredReplicas
      self.maxReplicas = maxReplicas
    }
  }

  /// Which branch ran.
  public var path: Path
  /// The existing ReplicaSet of the current template this sync worked with, if any.
  public var newReplicaSetID: Int?
  /// The ReplicaSet to create first, if the template has none and this branch creates it.
  public var newReplicaSet: NewReplicaSet?
  /// A revision bump of the existing new ReplicaSet (its template came back).
  public var revisionUpdate: RevisionHistory.Update?
  /// The final size of every ReplicaSet this sync scales, in the order upstream first scales
  /// them (upstream may write one ReplicaSet twice, cleanup then scale-down; only the last
  /// size is kept here).
  public var scales: [Scale]
  /// Old ReplicaSets to delete (revision history cleanup).
  public var deletions: [Int]
  /// Recreate is waiting for old pods to go before it creates or grows the new ReplicaSet.
  public var waitingForOldPods: Bool
  /// An unreadable `maxSurge`/`maxUnavailable`; upstream's sync fails and changes nothing.
  public var failure: IntOrString.ScalingError?

  /// Creates a decision.
  public init(
    path: Path, newReplicaSetID: Int? = nil, newReplicaSet: NewReplicaSet? = nil,
    revisionUpdate: RevisionHistory.Update? = nil, scales: [Scale] = [], deletions: [Int] = [],
    waitingForOldPods: Bool = false, failure: IntOrString.ScalingError? = nil
  ) {
    self.path = path
    self.newReplicaSetID = newReplicaSetID
    self.newReplicaSet = newReplicaSet
    self.revisionUpdate = revisionUpdate
    self.scales = scales
    self.deletions = deletions
    self.waitingForOldPods = waitingForOldPods
    self.failure = failure
  }

  /// The decided `spec.replicas` of a ReplicaSet, if this sync scales it.
  public func replicas(of id: Int) -> Int? {
    scales.last(where: { $0.id == id })?.replicas
  }
}
