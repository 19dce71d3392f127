import BosunModel
import Testing

@testable import BosunOrchestrator

/// A tiny cluster for rollouts: pods appear at once when a ReplicaSet grows and go at once
/// (unavailable ones first) when it shrinks; the test decides when pods become available.
private struct RolloutModel {
  var deployment: DeploymentSummary
  var replicaSets: [ReplicaSetSummary]
  var clock = 0.0
  var nextID = 100
  /// Old pods still terminating, as Recreate counts them.
  var terminatingOldPods = 0

  var newReplicaSet: ReplicaSetSummary? { replicaSets.first(where: \.isNew) }
  var oldReplicaSets: [ReplicaSetSummary] { replicaSets.filter { !$0.isNew } }
  var specTotal: Int { DeploymentRolloutMath.specReplicaCount(replicaSets) }
  var availableTotal: Int { DeploymentRolloutMath.availableReplicaCount(replicaSets) }

  /// One sync, applied.
  @discardableResult
  mutating func sync() -> DeploymentDecision {
    clock += 1
    let decision = DeploymentSync.sync(
      deployment, replicaSets: replicaSets, newReplicaSetID: newReplicaSet?.id,
      oldPodsRunning: terminatingOldPods)
    if let plan = decision.newReplicaSet {
      replicaSets.append(
        ReplicaSetSummary(
          id: nextID, revision: plan.revision, specReplicas: plan.replicas,
          replicas: plan.replicas, readyReplicas: 0, availableReplicas: 0, createdAt: clock,
          desiredReplicas: plan.desiredReplicas, maxReplicas: plan.maxReplicas, isNew: true))
      nextID += 1
    }
    if let update = decision.revisionUpdate, let index = index(update.id) {
      replicaSets[index].revision = update.revision
      replicaSets[index].revisionHistory = update.revisionHistory
    }
    for scale in decision.scales {
      guard let index = index(scale.id) else { continue }
      replicaSets[index].specReplicas = scale.replicas
      replicaSets[index].replicas = scale.replicas
      replicaSets[index].availableReplicas = min(
        replicaSets[index].availableReplicas, scale.replicas)
      replicaSets[index].readyReplicas = replicaSets[index].availableReplicas
      replicaSets[index].desiredReplicas = scale.desiredReplicas
      replicaSets[index].maxReplicas = scale.maxReplicas
    }
    replicaSets.removeAll { decision.deletions.contains($0.id) }
    return decision
  }

  /// Makes `count` more pods of the new ReplicaSet available.
  mutating func makeNewPodsAvailable(_ count: Int) {
    guard let index = replicaSets.firstIndex(where: \.isNew) else { return }
    let rs = replicaSets[index]
    replicaSets[index].availableReplicas = min(rs.replicas, rs.availableReplicas + count)
    replicaSets[index].readyReplicas = replicaSets[index].availableReplicas
  }

  func index(_ id: Int) -> Int? { replicaSets.firstIndex { $0.id == id } }

  /// [new spec, old spec] after the last sync.
  var sizes: [Int] {
    [newReplicaSet?.specReplicas ?? 0, oldReplicaSets.map(\.specReplicas).reduce(0, +)]
  }
}

private func stable(
  id: Int, revision: Int, replicas: Int, createdAt: Double = 0, desired: Int? = nil
)
  -> ReplicaSetSummary
{
  ReplicaSetSummary(
    id: id, revision: revision, specReplicas: replicas, replicas: replicas,
    readyReplicas: replicas, availableReplicas: replicas, createdAt: createdAt,
    desiredReplicas: desired ?? replicas, maxReplicas: desired.map { $0 + 3 } ?? replicas + 3,
    isNew: false)
}

@Suite("Deployment sync")
struct DeploymentSyncTests {
  @Test(
    "R=10 at 25%/25%: new 0→3 with old 10→8, new 3→5, then one old pod per available new pod (rolling.go rolloutRolling)"
  )
  func workedTrace() {
    var model = RolloutModel(
      deployment: DeploymentSummary(replicas: 10),
      replicaSets: [stable(id: 1, revision: 1, replicas: 10, desired: 10)])
    let first = model.sync()
    #expect(first.newReplicaSet?.replicas == 3)
    #expect(first.newReplicaSet?.revision == 2)
    #expect(first.newReplicaSet?.maxReplicas == 13)
    #expect(model.sizes == [3, 8])
    model.sync()
    #expect(model.sizes == [5, 8])
    let blocked = model.sync()
    #expect(blocked.scales.isEmpty)
    #expect(model.sizes == [5, 8])
    model.makeNewPodsAvailable(1)
    model.sync()
    #expect(model.sizes == [5, 7])
    model.sync()
    #expect(model.sizes == [6, 7])
    #expect(model.sync().scales.isEmpty)
    model.makeNewPodsAvailable(5)
    model.sync()
    #expect(model.sizes == [6, 2])
    model.sync()
    #expect(model.sizes == [10, 2])
    #expect(model.sync().scales.isEmpty)
    model.makeNewPodsAvailable(4)
    model.sync()
    #expect(model.sizes == [10, 0])
    let settled = model.sync()
    #expect(settled.scales.isEmpty && settled.newReplicaSet == nil)
  }

  @Test(
    "every step keeps Σspec ≤ R+surge and available ≥ R−maxUnavailable (rolling.go, deployment_util.go)",
    arguments: [
      (10, IntOrString.string("25%"), IntOrString.string("25%")),
      (10, .int(0), .int(1)), (5, .int(1), .int(0)), (7, .string("50%"), .string("10%")),
      (3, .string("1%"), .string("1%")),
    ])
  func invariants(replicas: Int, surge: IntOrString, unavailable: IntOrString) throws {
    let deployment = DeploymentSummary(
      replicas: replicas, strategy: .rollingUpdate(maxSurge: surge, maxUnavailable: unavailable))
    let bounds = try DeploymentRolloutMath.resolveFenceposts(
      maxSurge: surge, maxUnavailable: unavailable, replicas: replicas)
    let minAvailable =
      replicas
      - DeploymentRolloutMath.maxUnavailable(
        resolved: bounds.unavailable, replicas: replicas)
    var model = RolloutModel(
      deployment: deployment, replicaSets: [stable(id: 1, revision: 1, replicas: replicas)])
    for _ in 0..<200 {
      let decision = model.sync()
      #expect(model.specTotal <= replicas + bounds.surge)
      #expect(model.availableTotal >= minAvailable)
      let done =
        model.newReplicaSet?.availableReplicas == replicas
        && model.oldReplicaSets.allSatisfy { $0.specReplicas == 0 }
      if done { break }
      if decision.scales.isEmpty && decision.newReplicaSet == nil { model.makeNewPodsAvailable(1) }
    }
    #expect(model.sizes == [replicas, 0])
    #expect(model.newReplicaSet?.availableReplicas == replicas)
  }

  @Test(
    "Recreate scales old to 0, waits until no old pod runs, then creates the new at R (recreate.go rolloutRecreate)"
  )
  func recreateWaits() {
    var model = RolloutModel(
      deployment: DeploymentSummary(replicas: 3, strategy: .recreate),
      replicaSets: [stable(id: 1, revision: 1, replicas: 3, desired: 3)])
    model.terminatingOldPods = 3
    let first = model.sync()
    #expect(first.path == .recreate)
    #expect(first.scales.map(\.replicas) == [0])
    #expect(first.newReplicaSet == nil)
    let waiting = model.sync()
    #expect(waiting.waitingForOldPods)
    #expect(waiting.newReplicaSet == nil)
    model.terminatingOldPods = 0
    let create = model.sync()
    #expect(
      create.newReplicaSet == .init(replicas: 3, revision: 2, desiredReplicas: 3, maxReplicas: 3))
  }

  @Test(
    "Recreate grows an existing new ReplicaSet to R only after the old pods are gone (recreate.go scaleUpNewReplicaSetForRecreate)"
  )
  func recreateExistingNew() {
    var newRS = stable(id: 2, revision: 2, replicas: 0, createdAt: 5, desired: 3)
    newRS.isNew = true
    let deployment = DeploymentSummary(replicas: 3, strategy: .recreate)
    let waiting = DeploymentSync.sync(
      deployment, replicaSets: [stable(id: 1, revision: 1, replicas: 0, desired: 3), newRS],
      newReplicaSetID: 2, oldPodsRunning: 1)
    #expect(waiting.waitingForOldPods && waiting.scales.isEmpty)
    let grow = DeploymentSync.sync(
      deployment, replicaSets: [stable(id: 1, revision: 1, replicas: 0, desired: 3), newRS],
      newReplicaSetID: 2, oldPodsRunning: 0)
    #expect(grow.scales == [.init(id: 2, replicas: 3, desiredReplicas: 3, maxReplicas: 3)])
  }

  @Test(
    "10 → 15 mid-rollout, 3/2 bounds: old 8→11 and new 5→7 by their share of 18/13 (sync.go scale)")
  func proportionalScaling() {
    var newRS = stable(id: 2, revision: 2, replicas: 5, createdAt: 5, desired: 10)
    newRS.availableReplicas = 0
    newRS.isNew = true
    let deployment = DeploymentSummary(
      replicas: 15, strategy: .rollingUpdate(maxSurge: .int(3), maxUnavailable: .int(2)))
    let decision = DeploymentSync.sync(
      deployment, replicaSets: [stable(id: 1, revision: 1, replicas: 8, desired: 10), newRS],
      newReplicaSetID: 2, oldPodsRunning: 8)
    #expect(decision.path == .scalingEvent)
    #expect(decision.replicas(of: 1) == 11)
    #expect(decision.replicas(of: 2) == 7)
    #expect(decision.scales.allSatisfy { $0.desiredReplicas == 15 && $0.maxReplicas == 18 })
  }

  @Test(
    "what rounding leaves goes to the largest ReplicaSet, the newer on a tie, when growing (sync.go scale, ReplicaSetsBySizeNewer)"
  )
  func leftoverToNewestLargest() {
    let older = stable(id: 1, revision: 1, replicas: 5, createdAt: 0, desired: 10)
    var newer = stable(id: 2, revision: 2, replicas: 5, createdAt: 5, desired: 10)
    newer.isNew = true
    // 11 replicas: surge 25% → 3, allowed 14, 4 to add; each share rounds to 0
    let decision = DeploymentSync.sync(
      DeploymentSummary(replicas: 11), replicaSets: [older, newer], newReplicaSetID: 2,
      oldPodsRunning: 5)
    #expect(decision.replicas(of: 2) == 9)
    #expect(decision.replicas(of: 1) == 5)
  }

  @Test(
    "shrinking takes from the largest, the older on a tie (sync.go scale, ReplicaSetsBySizeOlder)")
  func shrinkOlderFirst() {
    let older = stable(id: 1, revision: 1, replicas: 5, createdAt: 0, desired: 10)
    var newer = stable(id: 2, revision: 2, replicas: 5, createdAt: 5, desired: 10)
    newer.isNew = true
    // 2 replicas: surge 1, allowed 3, 7 to remove; shares −4 each, clamped to what is left
    let decision = DeploymentSync.sync(
      DeploymentSummary(replicas: 2), replicaSets: [older, newer], newReplicaSetID: 2,
      oldPodsRunning: 5)
    #expect(decision.replicas(of: 1) == 1)
    #expect(decision.replicas(of: 2) == 2)
  }

  @Test(
    "a paused Deployment creates no ReplicaSet for a new template and only scales (sync.go sync)")
  func paused() {
    let deployment = DeploymentSummary(replicas: 12, paused: true)
    let decision = DeploymentSync.sync(
      deployment, replicaSets: [stable(id: 1, revision: 1, replicas: 10, desired: 10)],
      newReplicaSetID: nil, oldPodsRunning: 10)
    #expect(decision.path == .paused)
    #expect(decision.newReplicaSet == nil)
    #expect(decision.scales == [.init(id: 1, replicas: 12, desiredReplicas: 12, maxReplicas: 15)])
  }

  @Test(
    "desired-replicas differing from spec.replicas on an active ReplicaSet is a scaling event (sync.go isScalingEvent)"
  )
  func scalingEvent() {
    let replicaSets = [stable(id: 1, revision: 1, replicas: 10, desired: 10)]
    #expect(DeploymentProportionalScaling.isScalingEvent(replicas: 12, replicaSets: replicaSets))
    #expect(!DeploymentProportionalScaling.isScalingEvent(replicas: 10, replicaSets: replicaSets))
    var inactive = replicaSets[0]
    inactive.specReplicas = 0
    #expect(!DeploymentProportionalScaling.isScalingEvent(replicas: 12, replicaSets: [inactive]))
  }

  @Test(
    "a template that comes back takes max+1 and remembers its old number (deployment_util.go SetNewReplicaSetAnnotations)"
  )
  func returningTemplate() {
    var back = stable(id: 1, revision: 1, replicas: 0, desired: 3)
    back.isNew = true
    back.revisionHistory = []
    let current = stable(id: 2, revision: 2, replicas: 3, createdAt: 5, desired: 3)
    let decision = DeploymentSync.sync(
      DeploymentSummary(replicas: 3), replicaSets: [back, current], newReplicaSetID: 1,
      oldPodsRunning: 3)
    #expect(decision.revisionUpdate == .init(id: 1, revision: 3, revisionHistory: [1]))
    #expect(decision.replicas(of: 1) == 1)
  }

  @Test(
    "an unreadable bound fails the sync and changes nothing (deployment_util.go NewRSNewReplicas)")
  func unreadableBound() {
    let deployment = DeploymentSummary(
      replicas: 3, strategy: .rollingUpdate(maxSurge: .string("lots"), maxUnavailable: nil))
    let decision = DeploymentSync.sync(
      deployment, replicaSets: [stable(id: 1, revision: 1, replicas: 3)], newReplicaSetID: nil,
      oldPodsRunning: 3)
    #expect(decision.failure == .notAPercentage("lots"))
    #expect(decision.scales.isEmpty && decision.newReplicaSet == nil)
  }
}
