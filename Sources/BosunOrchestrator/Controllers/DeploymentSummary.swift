public import BosunModel

/// What one Deployment sync needs of a Deployment's spec, with the API server's defaults applied.
///
/// Defaults mirror `pkg/apis/apps/v1/defaults.go` (`SetDefaults_Deployment`).
public struct DeploymentSummary: Hashable, Sendable {
  /// `spec.strategy`.
  public enum Strategy: Hashable, Sendable {
    /// `RollingUpdate`; a nil bound counts as 0, as upstream `ResolveFenceposts` reads it.
    case rollingUpdate(maxSurge: IntOrString?, maxUnavailable: IntOrString?)
    /// `Recreate`: every old pod goes before any new pod is created.
    case recreate

    /// `RollingUpdate` with the defaulted bounds, 25% and 25%.
    public static let defaultRollingUpdate = Strategy.rollingUpdate(
      maxSurge: .string("25%"), maxUnavailable: .string("25%"))
  }

  /// The default `spec.progressDeadlineSeconds`.
  public static let defaultProgressDeadlineSeconds = 600
  /// The default `spec.revisionHistoryLimit`.
  public static let defaultRevisionHistoryLimit = 10
  /// `math.MaxInt32`, which upstream reads as "no deadline" and "keep every revision".
  public static let unlimited = Int(Int32.max)

  /// `spec.replicas` (default 1).
  public var replicas: Int
  /// `spec.strategy` (default `RollingUpdate` 25%/25%).
  public var strategy: Strategy
  /// `spec.minReadySeconds` (default 0).
  public var minReadySeconds: Int
  /// `spec.progressDeadlineSeconds` (default 600); nil means the rollout has no deadline.
  public var progressDeadlineSeconds: Int?
  /// `spec.revisionHistoryLimit` (default 10); nil means every old ReplicaSet is kept.
  public var revisionHistoryLimit: Int?
  /// `spec.paused`.
  public var paused: Bool

  /// Creates a summary directly (tests, generated workloads).
  public init(
    replicas: Int = 1, strategy: Strategy = .defaultRollingUpdate, minReadySeconds: Int = 0,
    progressDeadlineSeconds: Int? = DeploymentSummary.defaultProgressDeadlineSeconds,
    revisionHistoryLimit: Int? = DeploymentSummary.defaultRevisionHistoryLimit,
    paused: Bool = false
  ) {
    self.replicas = replicas
    self.strategy = strategy
    self.minReadySeconds = minReadySeconds
    self.progressDeadlineSeconds = progressDeadlineSeconds
    self.revisionHistoryLimit = revisionHistoryLimit
    self.paused = paused
  }

  /// Reads a Deployment and applies the defaults the API server would.
  ///
  /// A strategy type other than `Recreate` is read as `RollingUpdate` (validation reports it);
  /// each missing rolling bound defaults to 25% on its own, so `maxSurge: 0` alone still gets
  /// `maxUnavailable: 25%`. `2147483647` (`math.MaxInt32`) for the deadline or the history
  /// limit means none, as `HasProgressDeadline` and `HasRevisionHistoryLimit` read it.
  public init(_ deployment: Deployment) {
    let strategy: Strategy
    if deployment.strategy.type == "Recreate" {
      strategy = .recreate
    } else {
      strategy = .rollingUpdate(
        maxSurge: deployment.strategy.maxSurge ?? .string("25%"),
        maxUnavailable: deployment.strategy.maxUnavailable ?? .string("25%"))
    }
    let deadline = deployment.progressDeadlineSeconds ?? Self.defaultProgressDeadlineSeconds
    let limit = deployment.revisionHistoryLimit ?? Self.defaultRevisionHistoryLimit
    self.init(
      replicas: deployment.replicas ?? 1, strategy: strategy,
      minReadySeconds: deployment.minReadySeconds ?? 0,
      progressDeadlineSeconds: deadline == Self.unlimited ? nil : deadline,
      revisionHistoryLimit: limit == Self.unlimited ? nil : limit,
      paused: deployment.paused ?? false)
  }

  /// Whether the strategy is `RollingUpdate`.
  public var isRollingUpdate: Bool {
    if case .rollingUpdate = strategy { return true }
    return false
  }
}
