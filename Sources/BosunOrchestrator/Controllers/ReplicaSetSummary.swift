/// What the Deployment controller reads of one of its ReplicaSets.
public struct ReplicaSetSummary: Hashable, Sendable {
  /// A stable identifier the engine assigns; it also breaks ties where upstream uses the name.
  public var id: Int
  /// `deployment.kubernetes.io/revision`; 0 when the annotation is absent.
  public var revision: Int
  /// `deployment.kubernetes.io/revision-history`: earlier revisions this ReplicaSet served.
  public var revisionHistory: [Int]
  /// `spec.replicas`.
  public var specReplicas: Int
  /// `status.replicas`: pods that exist and are not terminating.
  public var replicas: Int
  /// `status.readyReplicas`.
  public var readyReplicas: Int
  /// `status.availableReplicas`: ready for at least `minReadySeconds`.
  public var availableReplicas: Int
  /// `metadata.creationTimestamp` on the virtual clock (seconds).
  public var createdAt: Double
  /// `deployment.kubernetes.io/desired-replicas`, when present and an integer.
  public var desiredReplicas: Int?
  /// `deployment.kubernetes.io/max-replicas`, when present and an integer.
  public var maxReplicas: Int?
  /// Whether its pod template equals the Deployment's, ignoring `pod-template-hash`.
  public var isNew: Bool
  /// Whether it is being deleted (`metadata.deletionTimestamp` set).
  public var isDeleting: Bool

  /// Creates a summary.
  public init(
    id: Int, revision: Int, revisionHistory: [Int] = [], specReplicas: Int, replicas: Int,
    readyReplicas: Int, availableReplicas: Int, createdAt: Double, desiredReplicas: Int? = nil,
    maxReplicas: Int? = nil, isNew: Bool, isDeleting: Bool = false
  ) {
    self.id = id
    self.revision = revision
    self.revisionHistory = revisionHistory
    self.specReplicas = specReplicas
    self.replicas = replicas
    self.readyReplicas = readyReplicas
    self.availableReplicas = availableReplicas
    self.createdAt = createdAt
    self.desiredReplicas = desiredReplicas
    self.maxReplicas = maxReplicas
    self.isNew = isNew
    self.isDeleting = isDeleting
  }

  /// Whether it is active: `spec.replicas > 0` (`controller.FilterActiveReplicaSets`).
  public var isActive: Bool { specReplicas > 0 }

  /// Oldest first, ties by id: `controller.ReplicaSetsByCreationTimestamp` (ties by name).
  public static func olderFirst(_ lhs: ReplicaSetSummary, _ rhs: ReplicaSetSummary) -> Bool {
    lhs.createdAt != rhs.createdAt ? lhs.createdAt < rhs.createdAt : lhs.id < rhs.id
  }
}
