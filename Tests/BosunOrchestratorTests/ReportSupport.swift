import BosunCore
import BosunOrchestrator

/// Reports built by hand, named after the scenario they show.
enum ReportSupport {
  static let web = ObjectReference(
    apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web")
  static let api = ObjectReference(
    apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "api")
  static let db = ObjectReference(
    apiVersion: "apps/v1", kind: "StatefulSet", namespace: "shop", name: "db")
  static let config = ObjectReference(
    apiVersion: "v1", kind: "ConfigMap", namespace: "shop", name: "web-config")

  static let unschedulable =
    "0/6 nodes are available: 4 Insufficient cpu, 2 node(s) had untolerated taint "
    + "{dedicated: batch}. preemption: 0/6 nodes are available: 6 No preemption victims found "
    + "for incoming pod."

  /// `web` rolls 10 replicas with maxSurge 3 / maxUnavailable 2 and completes at 4m12s.
  static var webCompletes: WorkloadOutcome {
    var samples: [ReplicaSample] = [
      ReplicaSample(time: 5, desired: 10, updated: 0, ready: 10, available: 10, total: 10)
    ]
    var updated = 0
    var time = 5.0
    while updated < 10 {
      time += 12
      updated = min(10, updated + 5)
      samples.append(
        ReplicaSample(
          time: time, desired: 10, updated: updated, ready: 8, available: 8, total: 13))
      time += 35
      samples.append(
        ReplicaSample(
          time: time, desired: 10, updated: updated, ready: 10, available: 10,
          total: updated == 10 ? 10 : 12))
    }
    samples.append(
      ReplicaSample(time: 252, desired: 10, updated: 10, ready: 10, available: 10, total: 10))
    return WorkloadOutcome(
      object: web, strategy: "RollingUpdate maxSurge 3 maxUnavailable 2", fromRevision: 3,
      toRevision: 4, startedAt: 5, finishedAt: 252, verdict: .completes(at: 252),
      samples: samples, maxUnavailableSeen: 2, maxUnavailableAllowed: 2,
      surgePeak: WorkloadOutcome.SurgePeak(
        at: 17, extraPods: 3,
        extraRequests: ResourceList(milliCPU: 1500, memory: 3 << 30)),
      duration: 247)
  }

  /// `api` wants 6 replicas but only 3 new pods fit: it stalls from 1m20s.
  static var apiStalls: WorkloadOutcome {
    WorkloadOutcome(
      object: api, strategy: "RollingUpdate maxSurge 25% maxUnavailable 25%", fromRevision: 7,
      toRevision: 8, startedAt: 10, verdict: .stalls(reason: "3 pods unschedulable", since: 80),
      samples: [
        ReplicaSample(time: 10, desired: 6, updated: 0, ready: 6, available: 6, total: 6),
        ReplicaSample(time: 12, desired: 6, updated: 2, ready: 5, available: 5, total: 8),
        ReplicaSample(time: 50, desired: 6, updated: 3, ready: 5, available: 5, total: 8),
        ReplicaSample(time: 80, desired: 6, updated: 3, ready: 5, available: 5, total: 8),
      ],
      maxUnavailableSeen: 1, maxUnavailableAllowed: 1,
      surgePeak: WorkloadOutcome.SurgePeak(
        at: 12, extraPods: 2, extraRequests: ResourceList(milliCPU: 4000, memory: 8 << 30)),
      duration: 590)
  }

  /// `db` is a StatefulSet whose new pod never becomes ready; its deadline passes at 10m.
  static var dbDeadline: WorkloadOutcome {
    WorkloadOutcome(
      object: db, strategy: "RollingUpdate partition 0", fromRevision: 2, toRevision: 3,
      startedAt: 20, verdict: .progressDeadlineExceeded(at: 320),
      samples: [
        ReplicaSample(time: 20, desired: 3, updated: 0, ready: 3, available: 3, total: 3),
        ReplicaSample(time: 25, desired: 3, updated: 0, ready: 2, available: 2, total: 3),
        ReplicaSample(time: 40, desired: 3, updated: 1, ready: 2, available: 2, total: 3),
      ],
      maxUnavailableSeen: 1, maxUnavailableAllowed: 1, duration: 300)
  }

  static func node(_ index: Int, busy: Double, failedAt: Double? = nil) -> NodeUsage {
    let cpu: Int64 = 8000
    let memory: Int64 = 32 << 30
    var samples: [NodeUsage.Sample] = []
    for step in 0...12 {
      let time = Double(step) * 50
      let load = min(1, busy * (0.6 + 0.4 * Double((step + index) % 5) / 4))
      let down = failedAt.map { time >= $0 } ?? false
      samples.append(
        NodeUsage.Sample(
          time: time, milliCPU: down ? 0 : Int64(Double(cpu) * load),
          memory: down ? 0 : Int64(Double(memory) * load * 0.7),
          pods: down ? 0 : Int(30 * load)))
    }
    return NodeUsage(
      name: "worker-\(index)", allocatable: ResourceList(milliCPU: cpu, memory: memory),
      samples: samples, failedAt: failedAt)
  }

  /// Three rollouts in one plan: `web` completes, `api` stalls on unschedulable pods and `db`
  /// exceeds its progress deadline; one node fails and a drain is blocked by a budget.
  static var stalledRollout: SimulationReport {
    let steps = [
      StepOutcome(
        index: 0, operation: .update, action: .update, object: config, startedAt: 0,
        finishedAt: 0, status: .done),
      StepOutcome(
        index: 1, operation: .update, action: .update, object: web, startedAt: 5,
        finishedAt: 252, waitedFor: "available 10/10", status: .done),
      StepOutcome(
        index: 2, operation: .update, action: .update, object: api, startedAt: 10,
        waitedFor: "available 6/6", status: .stalled, reason: "3 pods unschedulable"),
      StepOutcome(
        index: 3, operation: .update, action: .update, object: db, startedAt: 20,
        waitedFor: "ready 3/3", status: .stalled, reason: "progress deadline exceeded"),
    ]
    let pending = (0..<3).map {
      PendingPod(
        name: "api-7d9f8-\($0)", namespace: "shop", workload: api, since: 80 + Double($0),
        message: unschedulable)
    }
    let nodes = (1...6).map {
      node($0, busy: 0.5 + Double($0) * 0.08, failedAt: $0 == 3 ? 300 : nil)
    }
    let faults = [
      FaultOutcome(
        kind: .nodeFailure, node: "worker-3", at: 300,
        displacedPods: ["shop/web-5c6d-1", "shop/web-5c6d-2"], healedAt: 342),
      FaultOutcome(
        kind: .drain, node: "worker-5", at: 400, displacedPods: ["shop/db-1"],
        blockedEvictions: [
          FaultOutcome.BlockedEviction(
            pod: "shop/db-1", budget: "shop/db-pdb", at: 400,
            message: "Cannot evict pod as it would violate the pod's disruption budget.")
        ]),
    ]
    let events = [
      ClusterEvent(
        time: 5, object: web, reason: "ScalingReplicaSet",
        message: "Scaled up replica set web-5c6d to 3"),
      ClusterEvent(
        time: 80, type: .warning,
        object: ObjectReference(
          apiVersion: "v1", kind: "Pod", namespace: "shop", name: "api-7d9f8-0"),
        reason: "FailedScheduling", message: unschedulable, count: 4),
      ClusterEvent(
        time: 300,
        object: ObjectReference(apiVersion: "v1", kind: "Node", namespace: nil, name: "worker-3"),
        reason: "NodeNotReady", message: "Node worker-3 status is now: NodeNotReady"),
    ]
    return SimulationReport(
      seed: 42, horizon: 600, duration: 600, verdict: .stalls, scoringStrategy: .leastAllocated,
      steps: steps, workloads: [webCompletes, apiStalls, dbDeadline], pending: pending,
      nodes: nodes, faults: faults, events: events,
      rollback: RollbackOutcome(
        steps: [
          RollbackOutcome.Step(object: web, action: .rolloutUndo(toRevision: 3)),
          RollbackOutcome.Step(object: api, action: .rolloutUndo(toRevision: 7)),
          RollbackOutcome.Step(object: db, action: .rolloutUndo(toRevision: 2)),
          RollbackOutcome.Step(object: config, action: .recreateFromSnapshot),
        ], duration: 95.5, verdict: .completes),
      counters: SimulationReport.Counters(
        podsScheduled: 41, schedulingAttempts: 117, eventsProcessed: 2304),
      diagnostics: [
        Diagnostic(
          .warning, code: "simulate.pdb-blocks-drain",
          message: "drain of worker-5 cannot finish: shop/db-pdb allows 0 disruptions")
      ])
  }

  /// Only `web`, which completes: the report of a plan that goes through.
  static var completedRollout: SimulationReport {
    SimulationReport(
      seed: 7, horizon: 1800, duration: 252, verdict: .completes,
      steps: [
        StepOutcome(
          index: 0, operation: .update, action: .update, object: web, startedAt: 5,
          finishedAt: 252, waitedFor: "available 10/10", status: .done)
      ],
      workloads: [webCompletes], nodes: [node(1, busy: 0.4)],
      counters: SimulationReport.Counters(
        podsScheduled: 10, schedulingAttempts: 10, eventsProcessed: 311))
  }

  /// A step the API server refuses: the plan fails at step 0.
  static var failedStep: SimulationReport {
    SimulationReport(
      seed: 1, horizon: 600, duration: 0, verdict: .fails,
      steps: [
        StepOutcome(
          index: 0, operation: .create, action: .create, object: config, startedAt: 0,
          finishedAt: 0, status: .failed, reason: "namespaces \"shop\" not found"),
        StepOutcome(
          index: 1, operation: .update, action: .update, object: web, startedAt: 0,
          status: .skipped, reason: "step 0 failed"),
      ])
  }

  /// A cluster of `count` nodes, to check that renderings stay bounded.
  static func largeCluster(nodes count: Int) -> SimulationReport {
    var report = completedRollout
    report.nodes = (0..<count).map { node($0, busy: 0.2 + Double($0 % 17) / 25) }
    return report
  }
}
