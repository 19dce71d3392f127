import Testing

@testable import BosunOrchestrator

private typealias PodRank = ReplicaSetSync.PodRank

private func pod(
  _ id: Int, node: String? = "n1", phase: PodRank.Phase = .running, ready: Bool = true,
  readySince: Double? = 100, restarts: Int = 0, cost: Int = 0, createdAt: Double = 50,
  colocated: Int = 1
) -> PodRank {
  PodRank(
    id: id, nodeName: node, phase: phase, ready: ready, readySince: ready ? readySince : nil,
    restarts: restarts, deletionCost: cost, createdAt: createdAt, colocated: colocated)
}

@Suite("ReplicaSet sync")
struct ReplicaSetSyncTests {
  @Test(
    "diff = pods − spec: create or delete the difference, at most 500 (replica_set.go manageReplicas)"
  )
  func actions() {
    #expect(ReplicaSetSync.action(specReplicas: 5, activePods: 2) == .create(3))
    #expect(ReplicaSetSync.action(specReplicas: 2, activePods: 5) == .delete(3))
    #expect(ReplicaSetSync.action(specReplicas: 3, activePods: 3) == .none)
    #expect(ReplicaSetSync.action(specReplicas: 1000, activePods: 0) == .create(500))
    #expect(ReplicaSetSync.action(specReplicas: 0, activePods: 900) == .delete(500))
  }

  @Test("creations go in slow-start batches 1, 2, 4, … (replica_set.go slowStartBatch)")
  func batches() {
    #expect(ReplicaSetSync.slowStartBatches(10) == [1, 2, 4, 3])
    #expect(ReplicaSetSync.slowStartBatches(1) == [1])
    #expect(ReplicaSetSync.slowStartBatches(0) == [])
    #expect(ReplicaSetSync.slowStartBatches(500).reduce(0, +) == 500)
  }

  @Test("each rule of ActivePodsWithRanks.Less, in turn (controller_utils.go)")
  func rules() {
    func first(_ a: PodRank, _ b: PodRank) -> Int {
      ReplicaSetSync.podsToDelete([b, a], count: 1)[0]
    }
    #expect(first(pod(1, node: nil, phase: .running), pod(2, phase: .pending, ready: false)) == 1)
    #expect(
      first(pod(1, phase: .pending, ready: false), pod(2, phase: .unknown, ready: false)) == 1)
    #expect(first(pod(1, phase: .unknown), pod(2, phase: .running, ready: false)) == 1)
    #expect(first(pod(1, ready: false), pod(2)) == 1)
    #expect(
      first(pod(1, ready: false, cost: -5, colocated: 1), pod(2, ready: false, colocated: 3)) == 1)
    #expect(first(pod(1, colocated: 3), pod(2, colocated: 1)) == 1)
    #expect(first(pod(1, readySince: 200, restarts: 0), pod(2, readySince: 100, restarts: 9)) == 1)
    #expect(first(pod(1, restarts: 2, createdAt: 10), pod(2, restarts: 1, createdAt: 90)) == 1)
    #expect(first(pod(1, createdAt: 90), pod(2, createdAt: 10)) == 1)
    #expect(first(pod(2), pod(1)) == 1)
  }

  @Test(
    "a mixed set is deleted unassigned, pending, not ready, doubled up, newest ready first (replica_set.go getPodsToDelete)"
  )
  func mixed() {
    let pods = [
      pod(1, readySince: 10),
      pod(2, readySince: 30),
      pod(3, node: nil, phase: .pending, ready: false),
      pod(4, phase: .pending, ready: false),
      pod(5, ready: false),
      pod(6, readySince: 10, colocated: 2),
    ]
    #expect(ReplicaSetSync.podsToDelete(pods, count: 5) == [3, 4, 5, 6, 2])
    #expect(ReplicaSetSync.podsToDelete(pods, count: 6) == [1, 2, 3, 4, 5, 6])
  }

  @Test(
    "with now, ready and creation times compare by power-of-two age buckets, ties by id (controller_utils.go logarithmicRankDiff)"
  )
  func logarithmicScaleDown() {
    // ages 3 s and 3.5 s share the bucket ⌊log2(ns)⌋ = 31; 1 s is in bucket 29
    let a = pod(1, readySince: 1000 - 3.5)
    let b = pod(2, readySince: 1000 - 3)
    let c = pod(3, readySince: 1000 - 1)
    #expect(ReplicaSetSync.podsToDelete([b, a, c], count: 2, now: 1000) == [3, 1])
    #expect(ReplicaSetSync.podsToDelete([b, a, c], count: 2) == [3, 2])
  }
}
