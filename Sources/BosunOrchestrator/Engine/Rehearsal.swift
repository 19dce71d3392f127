import BosunCore
public import BosunModel
import BosunPlan
import BosunYAML

/// Rehearses a plan: seeds a simulated cluster from the recording, executes the plan's steps
/// in dependency order with done-checks, runs until everything settles (or the horizon), then
/// rehearses the rollback from where the plan ended. Deterministic for the same inputs.
public enum Rehearsal {
  /// Runs the rehearsal and returns its report.
  public static func run(
    plan: RehearsalPlan, snapshot: [Resource], options: Simulation.Options = .init()
  ) -> SimulationReport {
    run(plan: plan, snapshot: snapshot, options: options, explaining: nil).report
  }

  /// Runs the rehearsal; `explaining` names a pod whose placement is explained where the plan
  /// ended (before the rollback rehearsal).
  public static func run(
    plan: RehearsalPlan, snapshot: [Resource], options: Simulation.Options = .init(),
    explaining query: String?
  ) -> (report: SimulationReport, explanation: PodExplanation?) {
    let simulation = Simulation(options: options)
    let seeded = simulation.seed(snapshot)
    guard seeded else {
      let report = SimulationReport(
        seed: options.knobs.seed, horizon: options.horizon, duration: 0, verdict: .fails,
        scoringStrategy: options.scoring,
        diagnostics: plan.diagnostics + simulation.diagnostics)
      return (report, nil)
    }
    let executor = simulation.execute(plan)
    var report = simulation.report(executor: executor, plan: plan)
    report.diagnostics = plan.diagnostics + report.diagnostics
    let explanation = query.flatMap { simulation.explain($0) }
    report.rollback = simulation.rehearseRollback(plan: plan, executor: executor, snapshot: snapshot)
    return (report, explanation)
  }

  static func workloadKey(_ identity: ObjectIdentity) -> WorkloadKey {
    WorkloadKey(
      kind: identity.kind, namespace: identity.namespace ?? "default", name: identity.name ?? "")
  }
}

extension Simulation {
  /// Executes a plan on the seeded cluster, watching the workloads it touches, until it is
  /// finished and every fault has healed, or nothing can change, or the horizon.
  func execute(_ plan: RehearsalPlan) -> PlanExecutor {
    let executor = PlanExecutor(plan: plan)
    self.executor = executor
    for step in plan.steps
    where ["Deployment", "StatefulSet", "DaemonSet", "Job"].contains(step.identity.kind) {
      recorder.watch(Rehearsal.workloadKey(step.identity))
    }
    runUntilPlanSettles(executor)
    return executor
  }

  /// Runs until the plan is finished and the cluster quiet, or until nothing can change, or
  /// the horizon. A crash loop never goes quiet; the horizon ends it.
  func runUntilPlanSettles(_ executor: PlanExecutor) {
    run(until: options.horizon) {
      updateHealing()
      return executor.isFinished && faultsSettled
    }
    recorder.sample(self)
  }

  /// Every scheduled fault has happened and every workload it hit is whole again.
  var faultsSettled: Bool {
    faultsInjected == options.knobs.faults.count
      && faultOutcomes.allSatisfy { $0.healedAt != nil }
  }

  /// Why a fault has not healed: each workload that lost pods and is still short.
  func unhealedReasons(_ faultIndex: Int) -> [String] {
    guard let record = recorder.healing.first(where: { $0.fault == faultIndex }) else { return [] }
    var reasons: [String] = []
    for owner in record.owners.sorted(by: { "\($0)" < "\($1)" }) where !ownerIsWhole(owner) {
      guard let reference = ownerReference(owner) else { continue }
      let key = WorkloadKey(
        kind: reference.kind, namespace: reference.namespace ?? "", name: reference.name)
      let stuck = podsOf(key).filter {
        $0.terminating && $0.nodeIndex.map { deadKubelets.contains($0) } == true
      }
      if case .statefulSet = owner, let pod = stuck.first {
        reasons.append(
          "\(key): pod \(pod.name) is stuck Terminating on the unreachable node; a StatefulSet "
            + "never runs two pods of one ordinal, so it waits until the pod is deleted for good "
            + "(`kubectl delete pod \(pod.name) -n \(pod.namespace) --force` once the node is gone)")
      } else {
        reasons.append("\(key): \(stallReason(of: key).reason)")
      }
    }
    return reasons
  }

  func updateHealing() {
    // Healed: every displaced pod has been replaced (it is gone or being deleted) and every
    // workload that lost one has all its pods available again.
    for (faultIndex, owners, displaced) in recorder.healing
    where faultOutcomes[faultIndex].healedAt == nil {
      let replaced = displaced.allSatisfy { pods[$0].map { !$0.isActive } ?? true }
      if replaced && owners.allSatisfy(ownerIsWhole) { faultOutcomes[faultIndex].healedAt = now }
    }
  }

  /// Whether an owner has all its desired pods available again.
  func ownerIsWhole(_ owner: SimPod.Owner) -> Bool {
    let key: WorkloadKey
    switch owner {
    case .replicaSet(let id):
      guard let deployment = replicaSets[id].deployment else { return true }
      key = deployment
    case .statefulSet(let workload), .daemonSet(let workload), .job(let workload):
      key = workload
    case .standalone:
      return true
    }
    let counts = self.counts(of: key)
    return counts.available >= counts.desired
  }

  /// The report of the plan's run.
  func report(executor: PlanExecutor, plan: RehearsalPlan) -> SimulationReport {
    var steps: [StepOutcome] = []
    for (index, step) in plan.steps.enumerated() {
      let reference = ObjectReference(
        apiVersion: step.identity.apiVersion, kind: step.identity.kind,
        namespace: step.identity.namespace, name: step.identity.name ?? "")
      let operation = PlanStep.Operation(rawValue: step.operation) ?? .update
      let action = PlanAction(rawValue: step.action) ?? .update
      switch executor.statuses[index] {
      case .done(let since, let at):
        steps.append(
          StepOutcome(
            index: index, operation: operation, action: action, object: reference,
            startedAt: since, finishedAt: at, waitedFor: executor.waitedFor[index], status: .done))
      case .failed(let since, let at, let reason):
        steps.append(
          StepOutcome(
            index: index, operation: operation, action: action, object: reference,
            startedAt: since, finishedAt: at, waitedFor: executor.waitedFor[index],
            status: .failed, reason: reason))
      case .running(let since):
        let stall = stallReason(of: Rehearsal.workloadKey(step.identity))
        steps.append(
          StepOutcome(
            index: index, operation: operation, action: action, object: reference,
            startedAt: since, waitedFor: doneCheck(for: step, describing: true).waitingFor,
            status: .stalled,
            reason: stall.reason))
      case .waiting:
        let blocker = executor.blockedBy(index)
        steps.append(
          StepOutcome(
            index: index, operation: operation, action: action, object: reference,
            startedAt: now, status: .skipped,
            reason: blocker.map { "step \($0) did not finish" } ?? "never started"))
      }
    }
    let workloads = recorder.watched.keys.sorted().map(workloadOutcome)
    // A fault the cluster never recovers from is a stall too, even when every step finished.
    let verdict: SimulationReport.Verdict =
      steps.contains { $0.status == .failed }
      ? .fails
      : (steps.contains { $0.status != .done }
        || workloads.contains {
          if case .completes = $0.verdict { return false }
          return true
        } || faultOutcomes.contains { $0.healedAt == nil }) ? .stalls : .completes
    // The plan's duration: until its last step finished, or the end of the run.
    let finishes = steps.compactMap(\.finishedAt)
    let duration =
      executor.isFinished && faultOutcomes.allSatisfy({ $0.healedAt != nil })
      ? max(finishes.max() ?? 0, faultOutcomes.compactMap(\.healedAt).max() ?? 0) : now
    let pending = pods.compactMap { pod -> PendingPod? in
      guard let pod, pod.isActive, let message = pod.unschedulableMessage else { return nil }
      return PendingPod(
        name: pod.name, namespace: pod.namespace, workload: ownerReference(pod.owner),
        since: pod.unschedulableSince ?? now, message: message)
    }
    let usage = nodes.enumerated().map { index, state in
      NodeUsage(
        name: state.node.name, allocatable: state.node.allocatable,
        allowedPodCount: state.node.allowedPodCount,
        samples: (index < recorder.nodeSamples.count ? recorder.nodeSamples[index] : []).map {
          NodeUsage.Sample(time: $0.time, milliCPU: $0.milliCPU, memory: $0.memory, pods: $0.pods)
        },
        failedAt: faultOutcomes.first { $0.node == state.node.name && $0.kind == .nodeFailure }?.at,
        drainedAt: faultOutcomes.first { $0.node == state.node.name && $0.kind == .drain }?.at)
    }
    var faults = faultOutcomes
    for index in faults.indices where faults[index].healedAt == nil {
      faults[index].unhealed = unhealedReasons(index)
    }
    return SimulationReport(
      seed: options.knobs.seed, horizon: options.horizon, duration: duration, verdict: verdict,
      scoringStrategy: options.scoring, steps: steps,
      workloads: workloads, pending: pending, nodes: usage, faults: faults,
      events: recorder.events, omittedEvents: recorder.eventsDropped,
      counters: SimulationReport.Counters(
        podsScheduled: podsScheduled, schedulingAttempts: schedulingAttempts,
        eventsProcessed: eventsProcessed),
      diagnostics: diagnostics)
  }

  func ownerReference(_ owner: SimPod.Owner?) -> ObjectReference? {
    switch owner {
    case .replicaSet(let id)?:
      let key = replicaSets[id].deployment ?? replicaSets[id].key
      return reference(key)
    case .statefulSet(let key)?, .daemonSet(let key)?, .job(let key)?, .standalone(let key)?:
      return reference(key)
    case nil:
      return nil
    }
  }

  func reference(_ key: WorkloadKey) -> ObjectReference {
    let apiVersion =
      switch key.kind {
      case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet": "apps/v1"
      case "Job": "batch/v1"
      default: "v1"
      }
    return ObjectReference(
      apiVersion: apiVersion, kind: key.kind, namespace: key.namespace, name: key.name)
  }

  func workloadOutcome(_ key: WorkloadKey) -> WorkloadOutcome {
    let samples = (recorder.watched[key] ?? []).map {
      ReplicaSample(
        time: $0.time, desired: $0.counts.desired, updated: $0.counts.updated,
        ready: $0.counts.ready, available: $0.counts.available, total: $0.counts.total)
    }
    var strategy = ""
    var allowed = 0
    var startedAt = 0.0
    var finishedAt: Double?
    var verdict: WorkloadOutcome.Verdict
    var fromRevision: Int?
    var toRevision: Int?
    switch key.kind {
    case "Deployment":
      let state = deployments[key]
      startedAt = state?.rolloutStartedAt ?? 0
      finishedAt = state?.rolloutCompletedAt
      if let state {
        let replicas = state.summary.replicas
        switch state.summary.strategy {
        case .recreate:
          strategy = "Recreate"
          allowed = replicas
        case .rollingUpdate:
          let surge = (try? DeploymentRolloutMath.maxSurge(of: state.summary)) ?? 0
          allowed = (try? DeploymentRolloutMath.maxUnavailable(of: state.summary)) ?? 0
          strategy = "RollingUpdate maxSurge \(surge) maxUnavailable \(allowed)"
        }
        fromRevision = state.fromRevision
        toRevision = currentRevision(of: state)
      }
      if let at = state?.deadlineExceededAt {
        verdict = .progressDeadlineExceeded(at: at)
      } else if let finishedAt {
        verdict = .completes(at: finishedAt)
      } else if state == nil {
        verdict = .completes(at: now)
      } else {
        let stall = stallReason(of: key)
        verdict = .stalls(reason: stall.reason, since: stall.since)
      }
    case "StatefulSet":
      let state = statefulSets[key]
      startedAt = state?.rolloutStartedAt ?? 0
      finishedAt = state?.rolloutCompletedAt
      if let state {
        switch state.summary.updateStrategy {
        case .onDelete: strategy = "OnDelete"
        case .rollingUpdate(let partition, _):
          strategy =
            "RollingUpdate partition \(partition), \(state.summary.podManagementPolicy.rawValue)"
        }
        if case .rollingUpdate(_, let maxUnavailable) = state.summary.updateStrategy,
          state.summary.maxUnavailableGate
        {
          allowed = StatefulSetSync.maxUnavailable(maxUnavailable, replicas: state.summary.replicas)
        } else {
          allowed = 1
        }
        fromRevision = state.fromRevision.flatMap { state.revisionNumbers[$0] }
        toRevision = state.fromRevision == nil ? nil : state.revisionNumbers[state.summary.updateRevision]
      }
      verdict = finishedAt.map { .completes(at: $0) } ?? stalled(key)
    case "DaemonSet":
      let state = daemonSets[key]
      startedAt = state?.rolloutStartedAt ?? 0
      finishedAt = state?.rolloutCompletedAt
      if let state {
        let parameters = DaemonSetSync.rollingParameters(
          state.summary, desiredNumberScheduled: state.desiredNumberScheduled)
        allowed = parameters.maxUnavailable
        strategy = "RollingUpdate maxSurge \(parameters.maxSurge) maxUnavailable \(allowed)"
        fromRevision = state.fromRevision.flatMap { state.revisionNumbers[$0] }
        toRevision = state.fromRevision == nil ? nil : state.revisionNumbers[state.summary.updateRevision]
      }
      verdict = finishedAt.map { .completes(at: $0) } ?? stalled(key)
    default:
      let state = jobs[key]
      startedAt = state?.startedAt ?? 0
      finishedAt = state?.finishedAt
      strategy = state.map { "parallelism \($0.summary.parallelism)" } ?? ""
      switch state?.outcome {
      case .complete?: verdict = .completes(at: finishedAt ?? now)
      case .failed(let reason)?: verdict = .failed(reason: reason.rawValue)
      case nil: verdict = state == nil ? .completes(at: now) : stalled(key)
      }
    }
    let surge = recorder.surgePeaks[key].map {
      WorkloadOutcome.SurgePeak(at: $0.at, extraPods: $0.pods, extraRequests: $0.requests)
    }
    return WorkloadOutcome(
      object: reference(key), strategy: strategy, fromRevision: fromRevision,
      toRevision: toRevision, startedAt: startedAt, finishedAt: finishedAt, verdict: verdict,
      samples: samples,
      maxUnavailableSeen: key.kind == "Job" ? 0 : recorder.unavailablePeaks[key] ?? 0,
      maxUnavailableAllowed: allowed, surgePeak: surge,
      duration: (finishedAt ?? now) - startedAt)
  }

  private func stalled(_ key: WorkloadKey) -> WorkloadOutcome.Verdict {
    let stall = stallReason(of: key)
    return .stalls(reason: stall.reason, since: stall.since)
  }
}
