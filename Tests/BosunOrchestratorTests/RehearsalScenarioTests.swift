import BosunCore
import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Rehearsal scenarios")
struct RehearsalScenarioTests {
  private let web = WorkloadKey(kind: "Deployment", namespace: "shop", name: "web")

  @Test(
    "10 replicas at 25%/25% roll as upstream: new 0→3, old 10→8, new 3→5, never below 8 available (deployment/rolling.go)"
  )
  func workedDeploymentTrace() throws {
    let (simulation, _, report) = rehearse(
      nodes(3) + "\n---\n" + deployment(image: "web:1"),
      [step(0, "update", deployment(image: "web:2"))])
    let scaling = report.events.filter { $0.reason == "ScalingReplicaSet" }.map(\.message)
    let new = "web-" + (simulation.deployments[web]?.blueprint.templateHash ?? "")
    #expect(scaling.count >= 4)
    #expect(scaling[0] == "Scaled up replica set \(new) from 0 to 3")
    #expect(scaling[1].hasPrefix("Scaled down replica set web-") && scaling[1].hasSuffix("from 10 to 8"))
    #expect(scaling[2] == "Scaled up replica set \(new) from 3 to 5")
    let outcome = try #require(report.workloads.first)
    #expect(outcome.strategy == "RollingUpdate maxSurge 3 maxUnavailable 2")
    #expect(outcome.samples.allSatisfy { $0.available >= 8 })
    #expect(outcome.samples.allSatisfy { $0.updated <= 10 })
    #expect(outcome.maxUnavailableSeen <= outcome.maxUnavailableAllowed)
    guard case .completes = outcome.verdict else {
      Issue.record("expected the rollout to complete, got \(outcome.verdict)")
      return
    }
    #expect(outcome.fromRevision == 1 && outcome.toRevision == 2)
    #expect(report.verdict == .completes)
    #expect(report.steps.map(\.status) == [.done])
  }

  @Test(
    "a surge pod that fits nowhere stays Pending with the scheduler's message and the rollout exceeds its progress deadline (deployment/progress.go)"
  )
  func surgeDoesNotFit() throws {
    let (_, _, report) = rehearse(
      nodes(2, cpu: "1") + "\n---\n"
        + deployment(
          replicas: 4, image: "web:1", cpu: "500m",
          strategy: "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}"),
      [
        step(
          0, "update",
          deployment(
            replicas: 4, image: "web:2", cpu: "500m",
            strategy: "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}"))
      ])
    let outcome = try #require(report.workloads.first)
    #expect(outcome.verdict == .progressDeadlineExceeded(at: 601))
    #expect(report.pending.count == 1)
    #expect(report.pending.first?.message.hasPrefix("0/2 nodes are available: 2 Insufficient cpu.") == true)
    #expect(report.steps.first?.status == .failed)
    #expect(report.verdict == .fails)
    #expect(report.events.contains { $0.reason == "ProgressDeadlineExceeded" })
  }

  @Test("a namespace, its ConfigMap and a Deployment that reads it are created in dependency order")
  func namespaceAndContents() throws {
    let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}"
    let config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web, namespace: shop}\ndata: {a: b}"
    let (_, _, report) = rehearse(
      nodes(2),
      [
        step(0, "create", namespace), step(1, "create", config, dependsOn: [0]),
        step(2, "create", deployment(replicas: 3, image: "web:1"), dependsOn: [0, 1]),
      ])
    #expect(report.steps.map(\.status) == [.done, .done, .done])
    #expect(report.steps[2].startedAt >= (report.steps[1].finishedAt ?? .infinity))
    #expect((report.steps[2].finishedAt ?? 0) > report.steps[2].startedAt)
    #expect(report.verdict == .completes)
  }

  @Test(
    "a failed node's pods are evicted after the monitor grace period and the 300 s toleration, and replaced (nodelifecycle, defaulttolerationseconds)"
  )
  func nodeFailureHeals() throws {
    let knobs = ScenarioKnobs(faults: [.init(kind: .nodeFailure, node: "worker-1", at: 10)])
    let (simulation, _, report) = rehearse(
      nodes(3) + "\n---\n" + deployment(replicas: 6, image: "web:1"), [], knobs: knobs)
    let fault = try #require(report.faults.first)
    #expect(fault.displacedPods.count == 2)
    let healed = try #require(fault.healedAt)
    // Evicted at 10 + 50 + 300; replacements pull (5 s), start (1 s) and pass a probe.
    #expect(healed > 360 && healed < 380)
    let counts = simulation.counts(of: web)
    #expect(counts.available == 6)
  }

  @Test("rollout undo brings back the previous revision as revision 3 (kubectl rollout undo)")
  func rolloutUndo() throws {
    let knobs = ScenarioKnobs(images: ["web:2": ImageBehaviour(neverReady: true)])
    let plan = RehearsalPlan(steps: [step(0, "update", deployment(image: "web:2"))])
    let (simulation, executor, report) = rehearse(
      nodes(3) + "\n---\n" + deployment(image: "web:1"), plan.steps, knobs: knobs)
    guard case .progressDeadlineExceeded = report.workloads.first?.verdict else {
      Issue.record("a never-ready image should exceed the deadline")
      return
    }
    let before = simulation.deployments[web]?.replicaSetIDs.map { simulation.replicaSets[$0] }
    let original = try #require(before?.first { $0.revision == 1 })
    let rollback = try #require(
      simulation.rehearseRollback(plan: plan, executor: executor, snapshot: []))
    #expect(rollback.steps.map(\.action) == [.rolloutUndo(toRevision: 1)])
    #expect(rollback.verdict == .completes)
    let state = try #require(simulation.deployments[web])
    #expect(state.blueprint.templateHash == original.blueprint.templateHash)
    let restored = try #require(
      state.replicaSetIDs.map { simulation.replicaSets[$0] }.first {
        $0.blueprint.templateHash == original.blueprint.templateHash
      })
    #expect(restored.revision == 3)
    #expect(restored.revisionHistory == [1])
    #expect(simulation.counts(of: web).available == 10)
  }

  @Test(
    "a StatefulSet update with partition 2 replaces only ordinals 3 and 2, highest first (stateful_set_control.go)"
  )
  func statefulSetPartition() throws {
    func set(image: String, partition: Int) -> String {
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: shop}
      spec:
        replicas: 4
        serviceName: db
        selector: {matchLabels: {app: db}}
        updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: \(partition)}}
        template:
          metadata: {labels: {app: db}}
          spec:
            containers:
            - {name: db, image: \(image), resources: {requests: {cpu: 100m}}}
      """
    }
    let (simulation, _, report) = rehearse(
      nodes(2) + "\n---\n" + set(image: "db:1", partition: 0),
      [step(0, "update", set(image: "db:2", partition: 2))])
    let key = WorkloadKey(kind: "StatefulSet", namespace: "shop", name: "db")
    let state = try #require(simulation.statefulSets[key])
    let revisions = Dictionary(
      uniqueKeysWithValues: simulation.podsOf(key).filter(\.isActive).map {
        ($0.ordinal ?? -1, $0.revision)
      })
    #expect(revisions[3] == state.summary.updateRevision)
    #expect(revisions[2] == state.summary.updateRevision)
    #expect(revisions[1] != state.summary.updateRevision)
    #expect(revisions[0] != state.summary.updateRevision)
    let kills = report.events.filter { $0.reason == "Killing" }.map(\.object.name)
    #expect(kills == ["db-3", "db-2"])
    #expect(report.verdict == .completes)
  }
}

@Suite("Rehearsal faults and workloads")
struct RehearsalFaultTests {
  @Test(
    "a drain evicts what the PodDisruptionBudget allows and retries the rest until replacements are ready (eviction.go 429)"
  )
  func drainHonoursBudget() throws {
    let budget = """
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: web, namespace: shop}
      spec: {minAvailable: 3, selector: {matchLabels: {app: web}}}
      """
    let knobs = ScenarioKnobs(faults: [.init(kind: .drain, node: "worker-1", at: 5)])
    let (simulation, _, report) = rehearse(
      nodes(2) + "\n---\n" + deployment(replicas: 4, image: "web:1") + "\n---\n" + budget, [],
      knobs: knobs)
    let fault = try #require(report.faults.first)
    #expect(fault.displacedPods.count == 2)
    #expect(fault.blockedEvictions.count == 1)
    #expect(fault.blockedEvictions.first?.budget == "shop/web")
    #expect(
      fault.blockedEvictions.first?.message.hasPrefix(
        "Cannot evict pod as it would violate the pod's disruption budget.") == true)
    #expect(fault.healedAt != nil)
    let drained = try #require(simulation.nodeIndexByName["worker-1"])
    #expect(simulation.nodes[drained].podCount == 0)
    #expect(simulation.counts(of: WorkloadKey(kind: "Deployment", namespace: "shop", name: "web")).available == 4)
  }

  @Test("a crash-looping image stalls the rollout with CrashLoopBackOff as the reason")
  func crashLoopStalls() throws {
    let knobs = ScenarioKnobs(images: ["web:2": ImageBehaviour(crashAfterSeconds: 5)])
    let (_, _, report) = rehearse(
      nodes(2) + "\n---\n" + deployment(replicas: 2, image: "web:1"),
      [step(0, "update", deployment(replicas: 2, image: "web:2"))], knobs: knobs, horizon: 900)
    let outcome = try #require(report.workloads.first)
    // Pods are Ready for a moment before each crash: that counts as progress, so the
    // deadline runs from the last time one became Ready.
    guard case .progressDeadlineExceeded(let at) = outcome.verdict else {
      Issue.record("expected the deadline to pass, got \(outcome.verdict)")
      return
    }
    #expect(at > 600 && at < 700)
    #expect(report.events.contains { $0.reason == "BackOff" })
    #expect(report.steps.first?.reason?.hasPrefix("progress deadline") == true)
  }

  @Test("a Job with 3 completions and parallelism 2 runs 2, then 1, and completes (job_controller.go)")
  func jobCompletes() throws {
    let job = """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: report, namespace: shop}
      spec:
        completions: 3
        parallelism: 2
        template:
          spec:
            restartPolicy: Never
            containers: [{name: report, image: report:1}]
      """
    let (_, _, report) = rehearse(nodes(1), [step(0, "create", job)])
    let outcome = try #require(report.workloads.first)
    // Two pods run 5 s pull + 10 s, then the third: done after about 30 s.
    guard case .completes(let at) = outcome.verdict else {
      Issue.record("expected the Job to complete, got \(outcome.verdict)")
      return
    }
    #expect(at > 25 && at < 40)
    #expect(report.steps.first?.status == .done)
  }

  @Test("Recreate takes every old pod down before the new ones start: downtime is the whole desired count")
  func recreateDowntime() throws {
    let (_, _, report) = rehearse(
      nodes(2) + "\n---\n" + deployment(replicas: 3, image: "web:1", strategy: "{type: Recreate}"),
      [step(0, "update", deployment(replicas: 3, image: "web:2", strategy: "{type: Recreate}"))])
    let outcome = try #require(report.workloads.first)
    #expect(outcome.strategy == "Recreate")
    #expect(outcome.maxUnavailableSeen == 3)
    #expect(outcome.samples.allSatisfy { $0.total <= 3 })
    guard case .completes = outcome.verdict else {
      Issue.record("expected completion, got \(outcome.verdict)")
      return
    }
  }
}

@Suite("Rehearsal edge cases")
struct RehearsalEdgeCaseTests {
  private let web = WorkloadKey(kind: "Deployment", namespace: "shop", name: "web")

  @Test(
    "minReadySeconds availability holds at the instant it was scheduled for, whatever the pull time (pod/util.go IsPodAvailable)",
    arguments: [0.3, 1.0, 2.3])
  func minReadySecondsIsExact(pull: Double) throws {
    let knobs = ScenarioKnobs(defaults: ImageBehaviour(pullSeconds: pull))
    let (_, _, report) = rehearse(
      nodes(2) + "\n---\n" + deployment(replicas: 3, image: "web:1", extra: "  minReadySeconds: 30"),
      [step(0, "update", deployment(replicas: 3, image: "web:2", extra: "  minReadySeconds: 30"))],
      knobs: knobs)
    guard case .completes(let at) = report.workloads.first?.verdict else {
      Issue.record("expected completion, got \(String(describing: report.workloads.first?.verdict))")
      return
    }
    #expect(at < 200)
  }

  @Test("a pod that tolerates the unreachable taint for 600 s is evicted at 600 s, the others at 300 s")
  func ownTolerationSeconds() throws {
    let patient = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: patient, namespace: shop}
      spec:
        replicas: 3
        selector: {matchLabels: {app: patient}}
        template:
          metadata: {labels: {app: patient}}
          spec:
            tolerations:
            - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 600}
            containers: [{name: p, image: p:1, resources: {requests: {cpu: 100m}}}]
      """
    let knobs = ScenarioKnobs(faults: [.init(kind: .nodeFailure, node: "worker-1", at: 0)])
    let (_, _, report) = rehearse(
      nodes(3) + "\n---\n" + deployment(replicas: 3, image: "web:1") + "\n---\n" + patient, [],
      knobs: knobs)
    let evictions = report.events.filter { $0.reason == "TaintManagerEviction" }
    #expect(evictions.contains { $0.object.name.hasPrefix("web-") && $0.time == 350 })
    #expect(evictions.contains { $0.object.name.hasPrefix("patient-") && $0.time == 650 })
    #expect(report.faults.first?.healedAt != nil)
  }

  @Test("DaemonSet pods on a failed node are neither displaced nor awaited: the fault heals")
  func daemonSetPodsDoNotBlockHealing() throws {
    let agent = daemonSet(cpu: "50m")
    let knobs = ScenarioKnobs(faults: [.init(kind: .nodeFailure, node: "worker-2", at: 10)])
    let (_, _, report) = rehearse(
      nodes(3) + "\n---\n" + deployment(replicas: 3, image: "web:1") + "\n---\n" + agent, [],
      knobs: knobs)
    let fault = try #require(report.faults.first)
    #expect(fault.displacedPods.allSatisfy { $0.hasPrefix("shop/web-") })
    #expect(fault.healedAt != nil)
    #expect(report.verdict == .completes)
  }

  @Test("a PodDisruptionBudget with an empty selector guards every pod of its namespace (policy/v1)")
  func emptySelectorBudget() throws {
    let budget = """
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: all, namespace: shop}
      spec: {maxUnavailable: 0, selector: {}}
      """
    let knobs = ScenarioKnobs(faults: [.init(kind: .drain, node: "worker-1", at: 5)])
    let (_, _, report) = rehearse(
      nodes(2) + "\n---\n" + deployment(replicas: 2, image: "web:1") + "\n---\n" + budget, [],
      knobs: knobs, horizon: 120)
    let fault = try #require(report.faults.first)
    #expect(fault.blockedEvictions.first?.budget == "shop/all")
    #expect(fault.healedAt == nil)
    #expect(report.verdict == .stalls)
  }

  @Test("scenario image patterns apply to matching images (registry/web:*)")
  func imagePatternsFromAScenarioFile() throws {
    let knobs = try ScenarioKnobs(
      bytes: Array("images:\n  \"web:*\": {neverReady: true}\n".utf8), file: "scenario.yaml")
    #expect(knobs.behaviour(forImage: "web:2").neverReady)
    #expect(!knobs.behaviour(forImage: "api:2").neverReady)
  }

  @Test("a Job pod evicted before it finishes counts as failed (job_controller.go isPodFailed)")
  func evictedJobPodFails() throws {
    let job = """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: report, namespace: shop}
      spec:
        backoffLimit: 0
        template:
          spec:
            restartPolicy: Never
            containers: [{name: report, image: report:1}]
      """
    let knobs = ScenarioKnobs(
      images: ["report:1": ImageBehaviour(runSeconds: 120)],
      faults: [.init(kind: .drain, node: "worker-1", at: 30)])
    let (_, _, report) = rehearse(nodes(1), [step(0, "create", job)], knobs: knobs, horizon: 600)
    #expect(report.workloads.first?.verdict == .failed(reason: "BackoffLimitExceeded"))
    #expect(report.steps.first?.status == .failed)
  }
}

@Suite("Rehearsal DaemonSets")
struct RehearsalDaemonSetTests {
  @Test(
    "a daemon pod that does not fit its node is Pending with kube-scheduler's message for a pod pinned by metadata.name (daemon/util ReplaceDaemonSetPodNodeNameNodeAffinity)"
  )
  func pinnedPodMessage() throws {
    let agent = daemonSet(cpu: "2")
    let (_, _, report) = rehearse(nodes(3, cpu: "1"), [step(0, "create", agent)], horizon: 120)
    #expect(report.pending.count == 3)
    #expect(
      report.pending.first?.message.hasPrefix(
        "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]."
      ) == true)
    #expect(report.verdict == .stalls)
  }
}
