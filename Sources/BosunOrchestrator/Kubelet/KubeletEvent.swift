/// Something the kubelet reports about a pod at a moment of the rehearsal.
public struct KubeletEvent: Hashable, Sendable {
  /// When a container that stopped runs again, and the restart count to give that attempt.
  public struct Restart: Hashable, Sendable {
    /// Seconds from the start of the rehearsal.
    public var at: Double
    /// The `restartCount` argument of the next `PodLifecycle.attempt`: one more than this
    /// attempt's, or 1 again when the container had run long enough to reset the back-off.
    public var restartCount: Int

    /// Creates a restart.
    public init(at: Double, restartCount: Int) {
      self.at = at
      self.restartCount = restartCount
    }
  }

  /// What happened.
  public enum Kind: Hashable, Sendable {
    /// The image of a container is on the node.
    case imagePulled(container: String)
    /// An init container exited 0; the next one (or the app containers) starts.
    case initContainerCompleted(name: String)
    /// An init container exited with an error; it runs again at `restart`, or (restart policy
    /// `Never`) the pod fails.
    case initContainerFailed(name: String, exitCode: Int, restart: Restart?)
    /// Every app container is running (the pod is Running).
    case containersStarted
    /// Every container is ready (the pod's Ready condition is True).
    case ready
    /// The pod stopped being ready.
    case notReady
    /// A container exited; it runs again at `restart`, or stays terminated.
    case containerExited(name: String, exitCode: Int, restart: Restart?)
    /// The liveness probe failed `failureThreshold` times in a row and the kubelet killed the
    /// container.
    case livenessFailed(name: String, restart: Restart?)
    /// The startup probe failed `failureThreshold` times in a row and the kubelet killed the
    /// container.
    case startupFailed(name: String, restart: Restart?)
    /// Every app container exited 0 and none restarts (phase Succeeded).
    case succeeded
    /// Every app container has terminated, not all with 0 (phase Failed); the first failure.
    case failed(container: String, exitCode: Int)

    /// The restart this event schedules, if any.
    public var restart: Restart? {
      switch self {
      case .initContainerFailed(_, _, let restart), .containerExited(_, _, let restart),
        .livenessFailed(_, let restart), .startupFailed(_, let restart):
        restart
      default: nil
      }
    }

    /// The same kind scheduling `restart` instead.
    func scheduling(_ restart: Restart?) -> Kind {
      switch self {
      case .initContainerFailed(let name, let exitCode, _):
        .initContainerFailed(name: name, exitCode: exitCode, restart: restart)
      case .containerExited(let name, let exitCode, _):
        .containerExited(name: name, exitCode: exitCode, restart: restart)
      case .livenessFailed(let name, _): .livenessFailed(name: name, restart: restart)
      case .startupFailed(let name, _): .startupFailed(name: name, restart: restart)
      default: self
      }
    }
  }

  /// Seconds from the start of the rehearsal.
  public var at: Double
  /// What happened.
  public var kind: Kind

  /// Creates an event.
  public init(at: Double, kind: Kind) {
    self.at = at
    self.kind = kind
  }

  /// When the container this event stopped runs again, if it does.
  public var restartAt: Double? { kind.restart?.at }
}
