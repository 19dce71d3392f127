import BosunModel
import BosunYAML
import Testing

@testable import BosunOrchestrator

/// A tiny cluster for StatefulSet pods: between syncs, terminating pods go away and created
/// pods become Running and Ready, so a test can run the controller to the end.
private struct StatefulWorld {
  var set: StatefulSetSummary
  var pods: [StatefulPodSummary]
  /// The actions of every sync, in order.
  var history: [[StatefulSetAction]] = []

  /// One kubelet step, then one sync whose actions are applied.
  mutating func step() {
    pods.removeAll(where: \.terminating)
    for index in pods.indices where pods[index].phase == .created {
      pods[index].phase = .running
      pods[index].ready = true
      pods[index].available = true
    }
    let actions = StatefulSetSync.sync(set, pods: pods)
    history.append(actions)
    for action in actions {
      switch action {
      case .create(let ordinal, let revision):
        pods.append(
          StatefulPodSummary(ordinal: ordinal, revision: revision, phase: .created, ready: false))
      case .delete(let ordinal):
        for index in pods.indices where pods[index].ordinal == ordinal {
          pods[index].terminating = true
        }
      case .createClaim, .deleteClaim:
        break
      }
    }
    set.currentRevision = StatefulSetSync.currentRevision(set, pods: pods)
  }

  /// Steps until a sync asks for nothing twice in a row (or `limit` syncs).
  mutating func runToEnd(limit: Int = 50) {
    var idle = 0
    for _ in 0..<limit where idle < 2 {
      step()
      idle = history.last?.isEmpty == true ? idle + 1 : 0
    }
  }

  /// The deleted ordinals, sync by sync.
  var deletions: [Int] {
    history.flatMap { $0 }.compactMap { if case .delete(let ordinal) = $0 { ordinal } else { nil } }
  }

  /// The created ordinals, sync by sync.
  var creations: [Int] {
    history.flatMap { $0 }.compactMap {
      if case .create(let ordinal, _) = $0 { ordinal } else { nil }
    }
  }

  func revision(of ordinal: Int) -> String? { pods.first { $0.ordinal == ordinal }?.revision }
}

private func healthy(_ ordinals: Range<Int>, revision: String = "a") -> [StatefulPodSummary] {
  ordinals.map { StatefulPodSummary(ordinal: $0, revision: revision) }
}

@Suite("StatefulSet sync (pkg/controller/statefulset/stateful_set_control.go)")
struct StatefulSetSyncTests {
  private func set(
    replicas: Int, policy: StatefulSetSummary.PodManagementPolicy = .orderedReady,
    strategy: StatefulSetSummary.UpdateStrategy = .rollingUpdate(partition: 0, maxUnavailable: nil),
    update: String = "a", gate: Bool = true
  ) -> StatefulSetSummary {
    StatefulSetSummary(
      name: "web", replicas: replicas, podManagementPolicy: policy, updateStrategy: strategy,
      currentRevision: "a", updateRevision: update, maxUnavailableGate: gate)
  }

  @Test(
    "OrderedReady creates ordinal 0 first and waits for it to be Running and Ready (processReplica)"
  )
  func orderedReadyScaleUp() {
    let web = set(replicas: 3)
    #expect(StatefulSetSync.sync(web, pods: []) == [.create(ordinal: 0, revision: "a")])
    let pending = [StatefulPodSummary(ordinal: 0, revision: "a", phase: .created, ready: false)]
    #expect(StatefulSetSync.sync(web, pods: pending).isEmpty)
    let notAvailable = [
      StatefulPodSummary(ordinal: 0, revision: "a", ready: true, available: false)
    ]
    #expect(StatefulSetSync.sync(web, pods: notAvailable).isEmpty)
    #expect(StatefulSetSync.sync(web, pods: healthy(0..<1)) == [.create(ordinal: 1, revision: "a")])

    var world = StatefulWorld(set: web, pods: [])
    world.runToEnd()
    #expect(world.history.filter { !$0.isEmpty }.map(\.count) == [1, 1, 1])
    #expect(world.creations == [0, 1, 2])
  }

  @Test(
    "OrderedReady scale-down deletes the highest ordinal first, one at a time (processCondemned)")
  func orderedReadyScaleDown() {
    var world = StatefulWorld(set: set(replicas: 2), pods: healthy(0..<5))
    world.runToEnd()
    #expect(world.deletions == [4, 3, 2])
    #expect(world.history.allSatisfy { $0.count <= 1 })
    #expect(world.pods.map(\.ordinal).sorted() == [0, 1])
  }

  @Test("OrderedReady does not proceed while any pod terminates")
  func terminatingBlocks() {
    var pods = healthy(0..<4)
    pods[3].terminating = true
    #expect(StatefulSetSync.sync(set(replicas: 2), pods: pods).isEmpty)
    var gap = healthy(0..<2)
    gap[1].terminating = true
    #expect(StatefulSetSync.sync(set(replicas: 3), pods: gap).isEmpty)
  }

  @Test(
    "OrderedReady scale-down waits while a lower pod is unhealthy, unless it is the first unhealthy one"
  )
  func condemnedWaitsForHealth() {
    var pods = healthy(0..<4)
    pods[0].ready = false
    pods[0].available = false
    // Ordinal 0 blocks the replica loop before any condemned pod is looked at.
    #expect(StatefulSetSync.sync(set(replicas: 2), pods: pods).isEmpty)
    var condemnedUnhealthy = healthy(0..<4)
    condemnedUnhealthy[2].ready = false
    condemnedUnhealthy[2].available = false
    // Ordinal 3 is healthy and goes first; ordinal 2 is the first unhealthy pod.
    #expect(
      StatefulSetSync.sync(set(replicas: 2), pods: condemnedUnhealthy) == [.delete(ordinal: 3)])
    #expect(
      StatefulSetSync.sync(set(replicas: 2), pods: Array(condemnedUnhealthy.prefix(3)))
        == [.delete(ordinal: 2)])
  }

  @Test("Parallel creates and deletes all pods in one sync without waiting (allowsBurst)")
  func parallel() {
    let up = StatefulSetSync.sync(set(replicas: 3, policy: .parallel), pods: [])
    #expect(up == [0, 1, 2].map { .create(ordinal: $0, revision: "a") })
    let down = StatefulSetSync.sync(set(replicas: 1, policy: .parallel), pods: healthy(0..<4))
    #expect(down == [.delete(ordinal: 3), .delete(ordinal: 2), .delete(ordinal: 1)])
  }

  @Test("a failed pod is deleted and recreated on the next sync (processReplica isFailed)")
  func failedPodIsReplaced() {
    var pods = healthy(0..<3)
    pods[1].failed = true
    #expect(StatefulSetSync.sync(set(replicas: 3), pods: pods) == [.delete(ordinal: 1)])
    var world = StatefulWorld(set: set(replicas: 3), pods: pods)
    world.runToEnd()
    #expect(world.deletions == [1])
    #expect(world.creations == [1])
    #expect(world.pods.count == 3 && world.pods.allSatisfy { !$0.failed })
  }

  @Test(
    "RollingUpdate replaces pods from the highest ordinal down, one at a time (updateStatefulSet)")
  func rollingUpdateFromTheTop() {
    let web = set(replicas: 3, update: "b")
    #expect(StatefulSetSync.sync(web, pods: healthy(0..<3)) == [.delete(ordinal: 2)])
    var world = StatefulWorld(set: web, pods: healthy(0..<3))
    world.runToEnd()
    #expect(world.deletions == [2, 1, 0])
    #expect(world.history.allSatisfy { $0.count <= 1 })
    #expect((0..<3).allSatisfy { world.revision(of: $0) == "b" })
    #expect(world.set.currentRevision == "b")
  }

  @Test(
    "RollingUpdate is one pod at a time under Parallel too, without the MaxUnavailableStatefulSet gate"
  )
  func parallelRollsOneAtATime() {
    for gate in [false, true] {
      var world = StatefulWorld(
        set: set(replicas: 4, policy: .parallel, update: "b", gate: gate), pods: healthy(0..<4))
      world.runToEnd()
      #expect(world.deletions == [3, 2, 1, 0])
      #expect(world.history.allSatisfy { $0.count <= 1 })
    }
  }

  @Test("with the MaxUnavailableStatefulSet gate, maxUnavailable pods are replaced at once")
  func maxUnavailableGate() {
    let strategy = StatefulSetSummary.UpdateStrategy.rollingUpdate(
      partition: 0, maxUnavailable: .int(2))
    let gated = set(replicas: 5, strategy: strategy, update: "b")
    #expect(
      StatefulSetSync.sync(gated, pods: healthy(0..<5)) == [
        .delete(ordinal: 4), .delete(ordinal: 3),
      ])
    var oneDown = healthy(0..<5)
    oneDown[0].ready = false
    oneDown[0].available = false
    // OrderedReady waits for ordinal 0 before any update; Parallel spends the budget's rest.
    #expect(StatefulSetSync.sync(gated, pods: oneDown).isEmpty)
    var parallel = gated
    parallel.podManagementPolicy = .parallel
    #expect(StatefulSetSync.sync(parallel, pods: oneDown) == [.delete(ordinal: 4)])
    var ungated = gated
    ungated.maxUnavailableGate = false
    #expect(StatefulSetSync.sync(ungated, pods: healthy(0..<5)) == [.delete(ordinal: 4)])
    #expect(StatefulSetSync.maxUnavailable(.string("10%"), replicas: 5) == 1)
    #expect(StatefulSetSync.maxUnavailable(.string("50%"), replicas: 5) == 2)
  }

  @Test("a partition updates only ordinals at or above it (newVersionedStatefulSetPod)")
  func partition() {
    let strategy = StatefulSetSummary.UpdateStrategy.rollingUpdate(
      partition: 2, maxUnavailable: nil)
    var world = StatefulWorld(
      set: set(replicas: 4, strategy: strategy, update: "b"), pods: healthy(0..<4))
    world.runToEnd()
    #expect(world.deletions == [3, 2])
    #expect((0..<4).map { world.revision(of: $0) } == ["a", "a", "b", "b"])
    #expect(world.set.currentRevision == "a")
    // A pod below the partition that is deleted comes back at the current revision.
    let lost = world.pods.filter { $0.ordinal != 0 }
    #expect(StatefulSetSync.sync(world.set, pods: lost) == [.create(ordinal: 0, revision: "a")])
  }

  @Test("the partition counts from spec.ordinals.start")
  func partitionWithStartOrdinal() {
    let web = StatefulSetSummary(
      name: "web", replicas: 3, startOrdinal: 5,
      updateStrategy: .rollingUpdate(partition: 1, maxUnavailable: nil), currentRevision: "a",
      updateRevision: "b")
    var world = StatefulWorld(set: web, pods: healthy(5..<8))
    world.runToEnd()
    #expect(world.deletions == [7, 6])
    #expect(world.revision(of: 5) == "a")
    #expect(StatefulSetSync.sync(web, pods: []) == [.create(ordinal: 5, revision: "a")])
  }

  @Test("OnDelete never deletes for an update; recreated pods get the update revision")
  func onDelete() {
    let web = set(replicas: 3, strategy: .onDelete, update: "b")
    #expect(StatefulSetSync.sync(web, pods: healthy(0..<3)).isEmpty)
    #expect(
      StatefulSetSync.sync(web, pods: Array(healthy(0..<3).dropLast())) == [
        .create(ordinal: 2, revision: "b")
      ])
    #expect(StatefulSetSync.currentRevision(web, pods: healthy(0..<3, revision: "b")) == "a")
  }

  @Test("claims are created per ordinal and deleted on scale-down only with whenScaled: Delete")
  func claims() {
    var web = StatefulSetSummary(
      name: "web", replicas: 1, currentRevision: "a", updateRevision: "a",
      volumeClaimTemplates: ["data"])
    #expect(
      StatefulSetSync.sync(web, pods: []) == [
        .create(ordinal: 0, revision: "a"), .createClaim(name: "data-web-0", ordinal: 0),
      ])
    #expect(StatefulSetSync.sync(web, pods: healthy(0..<2)) == [.delete(ordinal: 1)])
    web.whenScaled = .delete
    #expect(
      StatefulSetSync.sync(web, pods: healthy(0..<2)) == [
        .delete(ordinal: 1), .deleteClaim(name: "data-web-1", ordinal: 1),
      ])
  }

  @Test(
    "currentRevision becomes updateRevision once every replica is updated and ready (completeRollingUpdate)"
  )
  func revisionBookkeeping() {
    let web = set(replicas: 2, update: "b")
    #expect(StatefulSetSync.currentRevision(web, pods: healthy(0..<2, revision: "b")) == "b")
    #expect(StatefulSetSync.currentRevision(web, pods: healthy(0..<1, revision: "b")) == "a")
    var notReady = healthy(0..<2, revision: "b")
    notReady[1].ready = false
    #expect(StatefulSetSync.currentRevision(web, pods: notReady) == "a")
  }

  @Test(
    "the summary reads the model's defaults: one replica, OrderedReady, RollingUpdate partition 0")
  func summaryDefaults() {
    let yaml = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db}
      spec:
        serviceName: db
        selector: {matchLabels: {app: db}}
        template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: pg}]}}
        volumeClaimTemplates: [{metadata: {name: data}}]
      """
    guard case .statefulSet(let set) = ManifestFixture.view(yaml) else {
      Issue.record("not a StatefulSet")
      return
    }
    let summary = StatefulSetSummary(set, currentRevision: "r1", updateRevision: "r1")
    #expect(summary.replicas == 1)
    #expect(summary.podManagementPolicy == .orderedReady)
    #expect(summary.updateStrategy == .rollingUpdate(partition: 0, maxUnavailable: nil))
    #expect(summary.volumeClaimTemplates == ["data"])
    #expect(summary.claimName(template: "data", ordinal: 2) == "data-db-2")
  }
}

/// Decodes one manifest for the summary tests of the workload controllers.
enum ManifestFixture {
  /// The typed view of the first document of `yaml`.
  static func view(_ yaml: String) -> ObjectView? {
    guard let root = YAMLParser.parse(Array(yaml.utf8), file: "fixture.yaml").documents.first?.root
    else { return nil }
    return ObjectView.decode(root: root).view
  }
}
