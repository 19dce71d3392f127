import BosunModel

/// A Deployment as its controller keeps it.
struct DeploymentState {
  var key: WorkloadKey
  var summary: DeploymentSummary
  /// The current template.
  var blueprint: PodBlueprint
  var selector: LabelSelector?
  var replicaSetIDs: [Int] = []
  var condition: DeploymentProgress.Condition?
  var status = DeploymentStatusSummary(
    replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0,
    unavailableReplicas: 0)
  /// When the current rollout (or scale) began, for the report.
  var rolloutStartedAt: Double = 0
  var completedAt: Double?
  /// When the current rollout first completed (later disruptions do not move it).
  var rolloutCompletedAt: Double?
  var deadlineExceededAt: Double?
  var fromRevision: Int?
  var recheckAt: Double?
  var deleted = false
}

/// A ReplicaSet, owned by a Deployment or standing alone.
struct ReplicaSetState {
  var id: Int
  var key: WorkloadKey
  var deployment: WorkloadKey?
  var blueprint: PodBlueprint
  var revision: Int
  var revisionHistory: [Int] = []
  var specReplicas: Int
  var desiredReplicas: Int?
  var maxReplicas: Int?
  var createdAt: Double
  var minReadySeconds: Int
  var deleted = false
  var podCounter = 0
}

/// A StatefulSet with its revisions.
struct StatefulSetState {
  var key: WorkloadKey
  var summary: StatefulSetSummary
  var blueprints: [String: PodBlueprint]
  /// ControllerRevision numbers by revision name, 1 for the first recorded one.
  var revisionNumbers: [String: Int] = [:]
  var claims: Set<String> = []
  var rolloutStartedAt: Double = 0
  var completedAt: Double?
  /// When the current rollout first completed (later disruptions do not move it).
  var rolloutCompletedAt: Double?
  var fromRevision: String?
  var deleted = false
}

/// A DaemonSet with its revisions.
struct DaemonSetState {
  var key: WorkloadKey
  var summary: DaemonSetSummary
  var blueprints: [String: PodBlueprint]
  /// ControllerRevision numbers by revision name, 1 for the first recorded one.
  var revisionNumbers: [String: Int] = [:]
  var podCounter = 0
  var rolloutStartedAt: Double = 0
  var completedAt: Double?
  /// When the current rollout first completed (later disruptions do not move it).
  var rolloutCompletedAt: Double?
  var fromRevision: String?
  var deleted = false
  var desiredNumberScheduled = 0
}

/// A Job and its progress.
struct JobState {
  var key: WorkloadKey
  var summary: JobSummary
  var blueprint: PodBlueprint
  var succeeded = 0
  var failed = 0
  var succeededIndexes: Set<Int> = []
  /// Failures since the last success: what the back-off grows with.
  var failuresSinceSuccess = 0
  /// Pods the Job controller deleted itself, which do not count as failures.
  var deletedByController: Set<Int> = []
  /// Deleted pods already counted as failed.
  var countedDeletions: Set<Int> = []
  var lastFailureAt: Double?
  var outcome: JobDecision.Outcome?
  var finishedAt: Double?
  var podCounter = 0
  var requeueAt: Double?
  var startedAt: Double = 0
  var deleted = false
}
