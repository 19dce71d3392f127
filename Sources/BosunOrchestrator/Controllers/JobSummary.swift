public import BosunModel

/// What the Job controller needs of a Job: how many pods at once, how many successes, and when
/// to give up.
public struct JobSummary: Hashable, Sendable {
  /// `spec.completionMode`.
  public enum CompletionMode: String, Hashable, Sendable {
    /// Any `completions` successes finish the Job (the default).
    case nonIndexed = "NonIndexed"
    /// One success per index in `[0, completions)`.
    case indexed = "Indexed"
  }

  /// `spec.parallelism` (default 1).
  public var parallelism: Int
  /// `spec.completions`; `nil` makes a work queue: done when one pod succeeds and none runs.
  public var completions: Int?
  /// `spec.completionMode`.
  public var completionMode: CompletionMode
  /// `spec.backoffLimit` (default 6).
  public var backoffLimit: Int
  /// `spec.activeDeadlineSeconds`, counted from `startTime`.
  public var activeDeadlineSeconds: Int?
  /// `status.startTime` on the virtual clock; `nil` until the controller first ran the Job.
  public var startTime: Double?
  /// `spec.suspend`.
  public var suspend: Bool
  /// `spec.template.spec.restartPolicy`: `Never` or `OnFailure`.
  public var restartPolicy: String

  /// Creates a summary directly (tests, generated workloads).
  public init(
    parallelism: Int = 1, completions: Int? = nil, completionMode: CompletionMode = .nonIndexed,
    backoffLimit: Int = 6, activeDeadlineSeconds: Int? = nil, startTime: Double? = nil,
    suspend: Bool = false, restartPolicy: String = "Never"
  ) {
    self.parallelism = parallelism
    self.completions = completions
    self.completionMode = completionMode
    self.backoffLimit = backoffLimit
    self.activeDeadlineSeconds = activeDeadlineSeconds
    self.startTime = startTime
    self.suspend = suspend
    self.restartPolicy = restartPolicy
  }

  /// Reads a Job with the API server's defaults (pkg/apis/batch/v1/defaults.go); the start
  /// time is the engine's.
  public init(_ job: Job, startTime: Double? = nil) {
    let spec = job.spec
    self.init(
      parallelism: spec.parallelism ?? 1, completions: spec.completions,
      completionMode: spec.completionMode == "Indexed" ? .indexed : .nonIndexed,
      backoffLimit: spec.backoffLimit ?? 6, activeDeadlineSeconds: spec.activeDeadlineSeconds,
      startTime: startTime, suspend: spec.suspend ?? false,
      restartPolicy: spec.template.spec.restartPolicy ?? "Never")
  }
}
