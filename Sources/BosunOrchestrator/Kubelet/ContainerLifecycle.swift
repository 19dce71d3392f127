import BosunModel

/// One container as the kubelet model runs it: its image's behaviour, its probes with defaults,
/// and, worked out once, what happens after each start of its process.
///
/// A network probe (HTTP, TCP, gRPC) fails until the process listens, `startSeconds` after it
/// starts; an exec probe can pass from the start. The liveness probe fails from
/// `failLivenessAfterSeconds` on; the readiness probe never passes for a `neverReady` image.
public struct ContainerLifecycle: Hashable, Sendable {
  /// How a run of the process ends.
  public struct End: Hashable, Sendable {
    /// Why it ends.
    public enum Cause: Hashable, Sendable {
      /// The process exits by itself (a crash exits 1).
      case exited(code: Int)
      /// The kubelet kills it after the liveness probe failed.
      case livenessFailed
      /// The kubelet kills it after the startup probe failed.
      case startupFailed
    }

    /// Seconds after the process starts: when it exits, or when the kubelet decides to kill it.
    public var afterSeconds: Double
    /// Why.
    public var cause: Cause

    /// The exit code the container status shows; a killed container shows 137 (SIGKILL).
    public var exitCode: Int {
      if case .exited(let code) = cause { return code }
      return 137
    }
  }

  /// `name`.
  public let name: String
  /// `image`.
  public let image: String
  /// The image's behaviour in this scenario.
  public let behaviour: ImageBehaviour
  /// Whether this is an init container that keeps running (`restartPolicy: Always`).
  public let isSidecar: Bool
  /// `startupProbe` with defaults (never for an init container that is not a sidecar: upstream
  /// validation forbids probes there).
  public let startupProbe: ProbeTiming?
  /// `readinessProbe` with defaults.
  public let readinessProbe: ProbeTiming?
  /// `livenessProbe` with defaults.
  public let livenessProbe: ProbeTiming?
  /// How long the process runs before exiting by itself, defaults resolved; nil runs on.
  public let runSeconds: Double?
  /// Seconds after the process starts at which the container counts as started (its startup
  /// probe succeeded, or at once without one); nil when the startup probe never succeeds.
  public let startedAfterSeconds: Double?
  /// Seconds after the process starts at which the container is ready; nil when it is not
  /// ready before its run ends.
  public let readyAfterSeconds: Double?
  /// How each run ends; nil when it runs until stopped.
  public let end: End?
  /// Seconds from SIGTERM to the process gone when the pod is deleted.
  public let terminationSeconds: Double
  /// Seconds from SIGTERM to the process gone when a probe kills it.
  public let killSeconds: Double
  /// Whether starting the pod pulls this container's image (the first container of the pod
  /// with a given image pulls it).
  let pullsImage: Bool

  /// The kubelet never gives a container less time than this to stop
  /// (pkg/kubelet/kuberuntime `minimumGracePeriodInSeconds`).
  public static let minimumGracePeriodSeconds: Double = 2

  init(
    _ container: Container, behaviour: ImageBehaviour, pullsImage: Bool,
    restartPolicy: PodLifecycle.RestartPolicy, gracePeriodSeconds: Double
  ) {
    name = container.name ?? ""
    image = container.image ?? ""
    self.behaviour = behaviour
    self.pullsImage = pullsImage
    isSidecar = container.isSidecar
    let runsToCompletion = container.role == .initContainer && !isSidecar
    let startupProbe = runsToCompletion ? nil : container.startupProbe.map(ProbeTiming.init)
    let readinessProbe = runsToCompletion ? nil : container.readinessProbe.map(ProbeTiming.init)
    let livenessProbe = runsToCompletion ? nil : container.livenessProbe.map(ProbeTiming.init)
    self.startupProbe = startupProbe
    self.readinessProbe = readinessProbe
    self.livenessProbe = livenessProbe
    let runSeconds: Double?
    if runsToCompletion {
      runSeconds = behaviour.runSeconds ?? ImageBehaviour.defaultInitRunSeconds
    } else if !container.isSidecar && restartPolicy != .always {
      runSeconds = behaviour.runSeconds ?? ImageBehaviour.defaultJobRunSeconds
    } else {
      runSeconds = behaviour.runSeconds
    }
    self.runSeconds = runSeconds
    let grace = max(gracePeriodSeconds, Self.minimumGracePeriodSeconds)
    terminationSeconds = min(behaviour.shutdownSeconds, grace)
    let probeGrace = (livenessProbe ?? startupProbe)?.terminationGracePeriodSeconds
    killSeconds = min(
      behaviour.shutdownSeconds,
      max(probeGrace ?? gracePeriodSeconds, Self.minimumGracePeriodSeconds)
    )

    let startup = Self.startup(startupProbe, behaviour: behaviour)
    startedAfterSeconds = startup.started
    var ends: [End] = []
    if let exit = Self.exit(behaviour: behaviour, runSeconds: runSeconds) { ends.append(exit) }
    if let failed = startup.failed { ends.append(End(afterSeconds: failed, cause: .startupFailed)) }
    if let started = startup.started,
      let killed = Self.livenessKill(livenessProbe, behaviour: behaviour, started: started)
    {
      ends.append(End(afterSeconds: killed, cause: .livenessFailed))
    }
    // The earliest end wins; on a tie the process exiting comes first (it is listed first).
    let first = ends.min { $0.afterSeconds < $1.afterSeconds }
    end = first
    let ready = startup.started.flatMap {
      Self.readiness(readinessProbe, behaviour: behaviour, started: $0)
    }
    readyAfterSeconds = ready.flatMap { ready in
      (first.map { ready < $0.afterSeconds } ?? true) ? ready : nil
    }
  }

  /// When a probe's check can pass: once the process listens, or at once for an exec probe.
  private static func passesFrom(_ probe: ProbeTiming, _ behaviour: ImageBehaviour) -> Double {
    probe.needsListening ? behaviour.startSeconds : 0
  }

  private static func exit(behaviour: ImageBehaviour, runSeconds: Double?) -> End? {
    let crash = behaviour.crashAfterSeconds.map { End(afterSeconds: $0, cause: .exited(code: 1)) }
    let run = runSeconds.map { End(afterSeconds: $0, cause: .exited(code: behaviour.exitCode)) }
    guard let run else { return crash }
    guard let crash else { return run }
    return crash.afterSeconds <= run.afterSeconds ? crash : run
  }

  // mirrors pkg/kubelet/prober/worker.go: a result changes the probe's state only after
  // successThreshold (or failureThreshold) identical results in a row; liveness and readiness
  // are not probed until the startup probe has succeeded.
  private static func startup(
    _ probe: ProbeTiming?, behaviour: ImageBehaviour
  ) -> (started: Double?, failed: Double?) {
    guard let probe else { return (0, nil) }
    let firstPass = probe.firstProbe(atOrAfter: passesFrom(probe, behaviour))
    if firstPass >= probe.failureThreshold {
      return (nil, probe.time(ofProbe: probe.failureThreshold - 1))
    }
    return (probe.time(ofProbe: firstPass + probe.successThreshold - 1), nil)
  }

  private static func livenessKill(
    _ probe: ProbeTiming?, behaviour: ImageBehaviour, started: Double
  ) -> Double? {
    guard let probe else { return nil }
    // The check fails before the process listens and from failLivenessAfterSeconds on.
    let first = probe.firstProbe(atOrAfter: started)
    let firstPass = max(first, probe.firstProbe(atOrAfter: passesFrom(probe, behaviour)))
    let threshold = probe.failureThreshold
    let firstLateFailure = behaviour.failLivenessAfterSeconds.map {
      max(firstPass, probe.firstProbe(atOrAfter: $0))
    }
    if firstPass - first >= threshold || firstLateFailure == firstPass {
      return probe.time(ofProbe: first + threshold - 1)
    }
    return firstLateFailure.map { probe.time(ofProbe: $0 + threshold - 1) }
  }

  private static func readiness(
    _ probe: ProbeTiming?, behaviour: ImageBehaviour, started: Double
  ) -> Double? {
    guard let probe else { return started }
    if behaviour.neverReady { return nil }
    let firstPass = max(
      probe.firstProbe(atOrAfter: started),
      probe.firstProbe(atOrAfter: passesFrom(probe, behaviour)))
    return probe.time(ofProbe: firstPass + probe.successThreshold - 1)
  }
}
