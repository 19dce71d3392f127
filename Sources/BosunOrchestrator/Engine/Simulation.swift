public import BosunCore
import BosunModel

/// An in-process simulated cluster on a virtual clock: nodes, pods and workloads seeded from a
/// recording, controllers that act on them, the scheduler, kubelets and faults, driven by one
/// discrete-event loop. The same inputs and seed give the same run, event for event.
///
/// A class because the run has identity: the plan executor, the fault injector and the report
/// all observe one evolving cluster.
public final class Simulation {
  /// How a run is set up.
  public struct Options: Sendable {
    /// Simulated seconds after which the run stops, settled or not.
    public var horizon: Double
    /// The scheduler's scoring strategy.
    public var scoring: ScoringStrategy
    /// Image behaviour, faults and the seed.
    public var knobs: ScenarioKnobs
    /// The largest number of events kept for the report.
    public var eventLimit: Int

    /// Creates options: one hour, LeastAllocated, default kubelet behaviour.
    public init(
      horizon: Double = 3600, scoring: ScoringStrategy = .leastAllocated,
      knobs: ScenarioKnobs = ScenarioKnobs(), eventLimit: Int = SimulationReport.defaultEventLimit
    ) {
      self.horizon = horizon
      self.scoring = scoring
      self.knobs = knobs
      self.eventLimit = eventLimit
    }
  }

  /// What the loop reacts to.
  enum Event {
    /// A kubelet transition of one attempt of a pod.
    case kubelet(pod: Int, attempt: Int, KubeletEvent.Kind)
    /// A container restart after its back-off.
    case restart(pod: Int, attempt: Int, restartCount: Int)
    /// A pod has been Ready for its owner's minReadySeconds: it counts as available now.
    case available(pod: Int, attempt: Int)
    /// A terminating pod has stopped and is removed.
    case podGone(pod: Int)
    /// A controller looks again (minReadySeconds elapsed, back-off over, deadline check).
    case resync(ControllerKey)
    /// A scheduled fault.
    case fault(ScenarioKnobs.Fault)
    /// The node lifecycle controller notices an unresponsive node.
    case nodeUnreachable(node: Int)
    /// Taint-based eviction of the pods on an unreachable node.
    case evictUnreachable(node: Int)
    /// `kubectl drain` tries its pending evictions again.
    case drainRetry(node: Int)
    /// Unschedulable pods' back-off has run out: the scheduler may try them again.
    case schedulerRetry
  }

  /// A controller's work item.
  enum ControllerKey: Hashable, Comparable {
    case deployment(WorkloadKey)
    case replicaSet(Int)
    case statefulSet(WorkloadKey)
    case daemonSet(WorkloadKey)
    case job(WorkloadKey)
  }

  /// The options of the run.
  public let options: Options
  /// Simulated seconds since the start.
  public internal(set) var now: Double = 0
  var queue = EventQueue<Event>()
  /// Nodes with what is on them, in name order.
  public internal(set) var nodes: [NodeState] = []
  var nodeIndexByName: [String: Int] = [:]
  /// Every pod ever created, by id; `nil` once it is gone.
  var pods: [SimPod?] = []
  var podsByOwner: [SimPod.Owner: [Int]] = [:]
  var standalonePods: [WorkloadKey: Int] = [:]
  /// Pods waiting for the scheduler, in the order they were queued.
  var activeQueue: [Int] = []
  /// Pods the scheduler could not place; retried when the cluster changes.
  var unschedulable: [Int] = []
  var clusterChanged = false
  /// When the cluster last changed in a way that may let an unschedulable pod fit.
  var lastClusterChange = 0.0
  var nextSchedulerRetry: Double?
  var dirty: Set<ControllerKey> = []
  /// Workloads whose counts may have changed since the last sample.
  var touched: Set<WorkloadKey> = []
  let scheduler: Scheduler
  /// The API-shaped store of every object.
  public internal(set) var store = ObjectStore()
  var deployments: [WorkloadKey: DeploymentState] = [:]
  var replicaSets: [ReplicaSetState] = []
  var statefulSets: [WorkloadKey: StatefulSetState] = [:]
  var daemonSets: [WorkloadKey: DaemonSetState] = [:]
  var jobs: [WorkloadKey: JobState] = [:]
  var disruptionBudgets: [WorkloadKey: PodDisruptionBudget] = [:]
  var autoscaled: Set<WorkloadKey> = []
  var drains: [Int: DrainState] = [:]
  /// Nodes whose kubelet has stopped: nothing there starts, stops or changes any more.
  var deadKubelets: Set<Int> = []
  var faultOutcomes: [FaultOutcome] = []
  /// Scenario faults that have happened so far.
  var faultsInjected = 0
  var recorder: Recorder
  var executor: PlanExecutor?
  /// Problems found while seeding or running.
  public internal(set) var diagnostics: [Diagnostic] = []
  /// Events processed by the loop.
  public internal(set) var eventsProcessed = 0
  /// Pods bound to nodes.
  public internal(set) var podsScheduled = 0
  /// Scheduling attempts, failed ones included.
  public internal(set) var schedulingAttempts = 0

  /// Creates an empty cluster.
  public init(options: Options = Options()) {
    self.options = options
    scheduler = Scheduler(strategy: options.scoring, reportsTies: false)
    recorder = Recorder(eventLimit: options.eventLimit)
    for fault in options.knobs.faults { queue.schedule(.fault(fault), at: fault.at) }
  }

  /// Adds a node.
  public func addNode(_ node: SimNode) {
    nodeIndexByName[node.name] = nodes.count
    nodes.append(NodeState(node: node))
    store.write(
      ObjectStore.Key(group: "", resource: "nodes", namespace: "", name: node.name),
      kind: "Node", at: now)
    clusterChanged = true
  }

  /// Marks a controller for a sync in the current instant.
  func markDirty(_ key: ControllerKey) { dirty.insert(key) }

  /// Runs the loop until `finished` holds after an instant settles, nothing is left to do,
  /// or the horizon is reached (the clock then stands at the horizon). Returns whether
  /// `finished` held.
  @discardableResult
  public func run(until horizon: Double, finished: () -> Bool = { false }) -> Bool {
    settle()
    if finished() { return true }
    while let time = queue.nextTime {
      guard time <= horizon else {
        now = horizon
        break
      }
      now = time
      // Everything scheduled for this instant happens before the controllers look.
      while let next = queue.nextTime, next == time, let (_, event) = queue.pop() {
        eventsProcessed += 1
        handleEvent(event)
      }
      settle()
      if finished() { return true }
    }
    return finished()
  }

  /// Lets controllers, the scheduler and the plan executor act until they have nothing more
  /// to do at this instant.
  func settle() {
    var rounds = 0
    repeat {
      rounds += 1
      while !dirty.isEmpty {
        let keys = dirty.sorted()
        dirty.removeAll(keepingCapacity: true)
        for key in keys { sync(key) }
      }
      schedulePending()
      executor?.advance(self)
    } while !dirty.isEmpty && rounds < 100
    recorder.sample(self)
  }

  func handleEvent(_ event: Event) {
    switch event {
    case .kubelet(let id, let attempt, let kind):
      guard let pod = pods[id], pod.attempt == attempt, !pod.terminating else { return }
      applyKubelet(kind, to: id)
    case .restart(let id, let attempt, let restartCount):
      guard let pod = pods[id], pod.attempt == attempt, !pod.terminating else { return }
      startAttempt(id, restartCount: restartCount)
    case .available(let id, let attempt):
      guard let pod = pods[id], pod.attempt == attempt, pod.ready else { return }
      notifyOwner(of: pod)
    case .podGone(let id):
      removePod(id)
    case .resync(let key):
      markDirty(key)
    case .fault(let fault):
      inject(fault)
    case .nodeUnreachable(let node):
      markNodeUnreachable(node)
    case .evictUnreachable(let node):
      evictUnreachablePods(node)
    case .drainRetry(let node):
      continueDrain(node)
    case .schedulerRetry:
      nextSchedulerRetry = nil
    }
  }

  private func sync(_ key: ControllerKey) {
    switch key {
    case .deployment(let workload): syncDeployment(workload)
    case .replicaSet(let id): syncReplicaSet(id)
    case .statefulSet(let workload): syncStatefulSet(workload)
    case .daemonSet(let workload): syncDaemonSet(workload)
    case .job(let workload): syncJob(workload)
    }
  }
}
