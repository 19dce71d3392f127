import Testing

@testable import BosunOrchestrator

private func replicaSet(_ revision: Int, spec: Int = 0, pods: Int = 0, isNew: Bool = false)
  -> ReplicaSetSummary
{
  ReplicaSetSummary(
    id: revision * 10, revision: revision, specReplicas: spec, replicas: pods,
    readyReplicas: pods, availableReplicas: pods, createdAt: Double(revision), isNew: isNew)
}

@Suite("Deployment revisions, history cleanup and undo")
struct DeploymentRevisionHistoryTests {
  @Test(
    "a new ReplicaSet's revision is the highest old one + 1 (sync.go getNewReplicaSet, MaxRevision)"
  )
  func nextRevision() {
    #expect(
      RevisionHistory.nextRevision(oldReplicaSets: [replicaSet(1), replicaSet(5), replicaSet(2)])
        == 6)
    #expect(RevisionHistory.nextRevision(oldReplicaSets: []) == 1)
  }

  @Test(
    "a returning template's old number is appended to revision-history (deployment_util.go SetNewReplicaSetAnnotations)"
  )
  func history() {
    var back = replicaSet(2, isNew: true)
    back.revisionHistory = [1]
    let update = RevisionHistory.update(newReplicaSet: back, oldReplicaSets: [replicaSet(3)])
    #expect(update == .init(id: 20, revision: 4, revisionHistory: [1, 2]))
    #expect(
      RevisionHistory.update(newReplicaSet: replicaSet(4), oldReplicaSets: [replicaSet(3)]) == nil)
  }

  @Test(
    "cleanup deletes the |old| − limit lowest revisions, skipping, not replacing, those with pods (sync.go cleanupDeployment)"
  )
  func cleanup() {
    let old = [replicaSet(5), replicaSet(1), replicaSet(3), replicaSet(2, pods: 1), replicaSet(4)]
    #expect(
      RevisionHistory.replicaSetsToDelete(oldReplicaSets: old, revisionHistoryLimit: 2) == [10, 30])
    #expect(
      RevisionHistory.replicaSetsToDelete(oldReplicaSets: old, revisionHistoryLimit: 10).isEmpty)
    #expect(
      RevisionHistory.replicaSetsToDelete(oldReplicaSets: old, revisionHistoryLimit: nil).isEmpty)
    var deleting = replicaSet(1)
    deleting.isDeleting = true
    #expect(
      RevisionHistory.replicaSetsToDelete(
        oldReplicaSets: [deleting, replicaSet(2), replicaSet(3)], revisionHistoryLimit: 1) == [20])
  }

  @Test(
    "a completed rollout sync cleans history; one still rolling does not (rolling.go rolloutRolling)"
  )
  func cleanupAfterComplete() {
    let current = replicaSet(4, spec: 2, pods: 2, isNew: true)
    let old = [replicaSet(1), replicaSet(2), replicaSet(3)]
    let deployment = DeploymentSummary(replicas: 2, revisionHistoryLimit: 1)
    let done = DeploymentSync.sync(
      deployment, replicaSets: old + [current], newReplicaSetID: 40, oldPodsRunning: 0)
    #expect(done.deletions == [10, 20])
    let rolling = DeploymentSync.sync(
      deployment, replicaSets: old + [replicaSet(4, spec: 2, pods: 1, isNew: true)],
      newReplicaSetID: 40, oldPodsRunning: 0)
    #expect(rolling.deletions.isEmpty)
  }

  @Test(
    "undo goes to the second highest revision, or the named one (kubectl polymorphichelpers/rollback.go)"
  )
  func undoTargets() throws {
    let all = [replicaSet(1), replicaSet(3, spec: 2, isNew: true), replicaSet(2)]
    #expect(
      try DeploymentRollback.undo(deployment: "web", paused: false, replicaSets: all)
        == .rollBack(to: all[2]))
    #expect(
      try DeploymentRollback.undo(deployment: "web", paused: false, toRevision: 1, replicaSets: all)
        == .rollBack(to: all[0]))
    #expect(
      try DeploymentRollback.undo(deployment: "web", paused: false, toRevision: 3, replicaSets: all)
        == .skipped(revision: 3))
  }

  @Test(
    "undo to a missing revision, without history, or while paused is refused (kubectl polymorphichelpers/rollback.go)"
  )
  func undoFailures() {
    let all = [replicaSet(1), replicaSet(2, isNew: true)]
    #expect(throws: DeploymentRollback.Failure.revisionNotFound(7)) {
      try DeploymentRollback.undo(deployment: "web", paused: false, toRevision: 7, replicaSets: all)
    }
    #expect(
      DeploymentRollback.Failure.revisionNotFound(7).description
        == "unable to find specified revision 7 in history")
    #expect(throws: DeploymentRollback.Failure.noRolloutHistory(deployment: "web")) {
      try DeploymentRollback.undo(deployment: "web", paused: false, replicaSets: [all[1]])
    }
    #expect(throws: DeploymentRollback.Failure.paused(deployment: "web")) {
      try DeploymentRollback.undo(deployment: "web", paused: true, replicaSets: all)
    }
  }
}
