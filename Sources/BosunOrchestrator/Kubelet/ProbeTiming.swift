public import BosunModel

/// When a probe runs and how many results in a row decide it, with upstream's defaults filled
/// in (pkg/apis/core/v1/defaults.go `SetDefaults_Probe`: period 10 s, timeout 1 s, success
/// threshold 1, failure threshold 3; the initial delay stays 0).
///
/// The rehearsal probes at `initialDelaySeconds` after the container starts and every
/// `periodSeconds` after that. Upstream's worker (pkg/kubelet/prober/worker.go) ticks on its
/// own period and skips ticks before the initial delay, so a real first probe lands up to one
/// period later; the rehearsal takes the earliest moment.
public struct ProbeTiming: Hashable, Sendable {
  /// `initialDelaySeconds`.
  public var initialDelaySeconds: Double
  /// `periodSeconds`.
  public var periodSeconds: Double
  /// `timeoutSeconds` (kept for reports; a result counts at the moment of the probe).
  public var timeoutSeconds: Double
  /// `successThreshold`: passes in a row that make the probe succeed.
  public var successThreshold: Int
  /// `failureThreshold`: failures in a row that make the probe fail.
  public var failureThreshold: Int
  /// Whether the probe needs the process to listen (HTTP, TCP, gRPC); an exec probe runs inside
  /// the container and can pass as soon as it starts.
  public var needsListening: Bool
  /// The probe's own `terminationGracePeriodSeconds`, used when it kills the container.
  public var terminationGracePeriodSeconds: Double?

  /// Creates a timing directly (tests).
  public init(
    initialDelaySeconds: Double = 0, periodSeconds: Double = 10, timeoutSeconds: Double = 1,
    successThreshold: Int = 1, failureThreshold: Int = 3, needsListening: Bool = true,
    terminationGracePeriodSeconds: Double? = nil
  ) {
    self.initialDelaySeconds = initialDelaySeconds
    self.periodSeconds = periodSeconds
    self.timeoutSeconds = timeoutSeconds
    self.successThreshold = successThreshold
    self.failureThreshold = failureThreshold
    self.needsListening = needsListening
    self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
  }

  /// Reads a probe; a field left out (or 0, as upstream's defaulting treats it) takes its
  /// default.
  public init(_ probe: Probe) {
    func positive(_ value: Int?, or fallback: Int) -> Int {
      guard let value, value > 0 else { return fallback }
      return value
    }
    var listens = true
    if case .exec = probe.action { listens = false }
    self.init(
      initialDelaySeconds: Double(max(0, probe.initialDelaySeconds ?? 0)),
      periodSeconds: Double(positive(probe.periodSeconds, or: 10)),
      timeoutSeconds: Double(positive(probe.timeoutSeconds, or: 1)),
      successThreshold: positive(probe.successThreshold, or: 1),
      failureThreshold: positive(probe.failureThreshold, or: 3), needsListening: listens,
      terminationGracePeriodSeconds: probe.terminationGracePeriodSeconds.map(Double.init))
  }

  /// Seconds after the container starts at which probe number `index` (from 0) runs.
  func time(ofProbe index: Int) -> Double {
    initialDelaySeconds + Double(index) * periodSeconds
  }

  /// The number of the first probe that runs at or after `offset` seconds from the start.
  func firstProbe(atOrAfter offset: Double) -> Int {
    guard offset > initialDelaySeconds else { return 0 }
    return Int(((offset - initialDelaySeconds) / periodSeconds).rounded(.up))
  }
}
