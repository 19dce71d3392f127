/// How a container image behaves in a rehearsal: how long it takes to pull and to start, and
/// whether and how it fails. Set per image in the scenario file; everything is deterministic.
public struct ImageBehaviour: Hashable, Sendable {
  /// Seconds to pull the image onto the node.
  public var pullSeconds: Double
  /// Seconds from the process starting to it listening (network probes pass from then on).
  public var startSeconds: Double
  /// Whether the readiness probe never passes. A container without a readiness probe is Ready
  /// once started all the same, as Kubernetes would say.
  public var neverReady: Bool
  /// Seconds after each start at which the process exits with code 1.
  public var crashAfterSeconds: Double?
  /// Seconds after each start from which the liveness probe fails.
  public var failLivenessAfterSeconds: Double?
  /// Seconds after which the process finishes on its own with `exitCode`; when unset, init
  /// containers run `defaultInitRunSeconds` and app containers of a pod whose `restartPolicy`
  /// is `Never` or `OnFailure` (a Job's) run `defaultJobRunSeconds`; others run until stopped.
  public var runSeconds: Double?
  /// The exit code after `runSeconds` (0 is success).
  public var exitCode: Int
  /// Seconds the process takes to exit after SIGTERM, capped by the grace period.
  public var shutdownSeconds: Double

  /// How long an init container runs when the scenario does not say.
  public static let defaultInitRunSeconds: Double = 1
  /// How long a Job-like container runs when the scenario does not say.
  public static let defaultJobRunSeconds: Double = 10

  /// Creates a behaviour; the defaults are a healthy image that pulls in 5 s and listens 1 s
  /// after it starts.
  public init(
    pullSeconds: Double = 5, startSeconds: Double = 1, neverReady: Bool = false,
    crashAfterSeconds: Double? = nil, failLivenessAfterSeconds: Double? = nil,
    runSeconds: Double? = nil, exitCode: Int = 0, shutdownSeconds: Double = 1
  ) {
    self.pullSeconds = pullSeconds
    self.startSeconds = startSeconds
    self.neverReady = neverReady
    self.crashAfterSeconds = crashAfterSeconds
    self.failLivenessAfterSeconds = failLivenessAfterSeconds
    self.runSeconds = runSeconds
    self.exitCode = exitCode
    self.shutdownSeconds = shutdownSeconds
  }
}
