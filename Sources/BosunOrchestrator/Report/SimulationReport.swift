public import BosunCore

/// The outcome of rehearsing a plan on a simulated cluster: what each step and each rollout did,
/// where pods waited, how busy the nodes were, what the faults broke and how to roll back.
///
/// Everything in it comes from the virtual clock, never the wall clock, so the same plan,
/// snapshot and seed give an equal report and the same bytes in every rendering. Times are
/// seconds from the start of the simulation.
public struct SimulationReport: Sendable, Equatable {
  /// The overall outcome.
  public enum Verdict: String, Sendable, Equatable, CaseIterable {
    /// Every step finished and every rollout completed within the horizon.
    case completes
    /// Something was still waiting when the horizon was reached (unschedulable pods, a
    /// readiness probe that never passes, a progress deadline).
    case stalls
    /// A step failed outright (the API server would refuse it, a Job ran out of retries).
    case fails
  }

  /// Amounts of work the simulation did; deterministic, so no wall time.
  public struct Counters: Sendable, Equatable {
    /// Pods bound to a node.
    public var podsScheduled: Int
    /// Scheduling cycles run, successful or not.
    public var schedulingAttempts: Int
    /// Events taken off the virtual clock's queue.
    public var eventsProcessed: Int

    /// Creates counters.
    public init(podsScheduled: Int = 0, schedulingAttempts: Int = 0, eventsProcessed: Int = 0) {
      self.podsScheduled = podsScheduled
      self.schedulingAttempts = schedulingAttempts
      self.eventsProcessed = eventsProcessed
    }
  }

  /// The format version of the report and of its JSON rendering.
  public static let formatVersion = 1
  /// How many events a report keeps by default; later ones are only counted.
  public static let defaultEventLimit = 1000

  /// The format version, `formatVersion` for reports made by this build.
  public var version: Int
  /// The random seed the simulation ran with (tie-breaks between equal nodes, jitter).
  public var seed: UInt64
  /// The most seconds the simulation would run.
  public var horizon: Double
  /// Seconds until everything settled, or the horizon when something never did.
  public var duration: Double
  /// The overall outcome.
  public var verdict: Verdict
  /// How the scheduler scored nodes.
  public var scoringStrategy: ScoringStrategy
  /// One outcome per plan step, in plan order.
  public var steps: [StepOutcome]
  /// One outcome per workload the plan rolled, scaled or created.
  public var workloads: [WorkloadOutcome]
  /// Pods still unscheduled at the end.
  public var pending: [PendingPod]
  /// Requested resources per node over time.
  public var nodes: [NodeUsage]
  /// The injected node failures and drains, and what they broke.
  public var faults: [FaultOutcome]
  /// Events as `kubectl get events` would list them, in time order, at most the event limit.
  public var events: [ClusterEvent]
  /// Events recorded beyond the limit and left out of `events`.
  public var omittedEvents: Int
  /// How to undo the plan, and how long undoing it takes; nil when nothing needs undoing.
  public var rollback: RollbackOutcome?
  /// Amounts of work done.
  public var counters: Counters
  /// Findings of the simulation (a step that cannot run, a fault naming an unknown node).
  public var diagnostics: [Diagnostic]

  /// Creates a report.
  public init(
    version: Int = SimulationReport.formatVersion, seed: UInt64, horizon: Double,
    duration: Double, verdict: Verdict, scoringStrategy: ScoringStrategy = .leastAllocated,
    steps: [StepOutcome] = [], workloads: [WorkloadOutcome] = [], pending: [PendingPod] = [],
    nodes: [NodeUsage] = [], faults: [FaultOutcome] = [], events: [ClusterEvent] = [],
    omittedEvents: Int = 0, rollback: RollbackOutcome? = nil, counters: Counters = Counters(),
    diagnostics: [Diagnostic] = []
  ) {
    self.version = version
    self.seed = seed
    self.horizon = horizon
    self.duration = duration
    self.verdict = verdict
    self.scoringStrategy = scoringStrategy
    self.steps = steps
    self.workloads = workloads
    self.pending = pending
    self.nodes = nodes
    self.faults = faults
    self.events = events
    self.omittedEvents = omittedEvents
    self.rollback = rollback
    self.counters = counters
    self.diagnostics = diagnostics
  }
}
