import Testing

@testable import BosunOrchestrator

@Suite("Deployment status and progress")
struct DeploymentProgressTests {
  private let deployment = DeploymentSummary(replicas: 2)
  private let rollout = DeploymentDecision(path: .rollingUpdate, newReplicaSetID: 2)
  private let stalled = DeploymentStatusSummary(
    replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2,
    unavailableReplicas: 1)
  private let updated = DeploymentProgress.Condition(
    status: .true, reason: .replicaSetUpdated, lastUpdateTime: 100, lastTransitionTime: 50)

  @Test(
    "status sums the ReplicaSets; updated is the new one's; unavailable uses spec (sync.go calculateStatus)"
  )
  func status() {
    let old = ReplicaSetSummary(
      id: 1, revision: 1, specReplicas: 8, replicas: 9, readyReplicas: 8, availableReplicas: 8,
      createdAt: 0, isNew: false)
    let new = ReplicaSetSummary(
      id: 2, revision: 2, specReplicas: 5, replicas: 5, readyReplicas: 2, availableReplicas: 1,
      createdAt: 1, isNew: true)
    let status = DeploymentStatusSummary(replicaSets: [old, new], newReplicaSetID: 2)
    #expect(
      status
        == .init(
          replicas: 14, updatedReplicas: 5, readyReplicas: 10, availableReplicas: 9,
          unavailableReplicas: 4))
    #expect(status.hasMinimumAvailability(DeploymentSummary(replicas: 10)))
  }

  @Test(
    "complete means updated, replicas and available all equal R (deployment_util.go DeploymentComplete)"
  )
  func complete() {
    let done = DeploymentStatusSummary(
      replicas: 5, updatedReplicas: 5, readyReplicas: 5, availableReplicas: 5,
      unavailableReplicas: 0)
    #expect(done.isComplete(desiredReplicas: 5))
    var oldStillThere = done
    oldStillThere.replicas = 6
    #expect(!oldStillThere.isComplete(desiredReplicas: 5))
    var notAvailable = done
    notAvailable.availableReplicas = 4
    #expect(!notAvailable.isComplete(desiredReplicas: 5))
  }

  @Test(
    "progress is more updated, fewer old, more ready or more available (deployment_util_test.go TestDeploymentProgressing)"
  )
  func progress() {
    func status(_ current: Int, _ updated: Int, _ ready: Int, _ available: Int)
      -> DeploymentStatusSummary
    {
      .init(
        replicas: current, updatedReplicas: updated, readyReplicas: ready,
        availableReplicas: available, unavailableReplicas: 0)
    }
    #expect(status(10, 6, 4, 4).showsProgress(since: status(10, 4, 4, 4)))
    #expect(!status(10, 4, 4, 4).showsProgress(since: status(10, 4, 4, 4)))
    #expect(status(8, 4, 6, 6).showsProgress(since: status(10, 4, 6, 6)))
    #expect(!status(10, 6, 3, 3).showsProgress(since: status(10, 7, 3, 3)))
    #expect(status(10, 10, 10, 8).showsProgress(since: status(10, 10, 9, 8)))
  }

  @Test(
    "no progress for progressDeadlineSeconds: still True at the deadline, False just after (deployment_util.go DeploymentTimedOut)"
  )
  func deadline() {
    let atDeadline = DeploymentProgress.progressing(
      deployment, decision: rollout, previous: updated, previousStatus: stalled,
      newStatus: stalled, now: 700)
    #expect(atDeadline == updated)
    let after = DeploymentProgress.progressing(
      deployment, decision: rollout, previous: updated, previousStatus: stalled,
      newStatus: stalled, now: 700.5)
    #expect(after?.status == .false)
    #expect(after?.reason == .progressDeadlineExceeded)
    #expect(after?.lastTransitionTime == 700.5)
    #expect(
      DeploymentProgress.recheckTime(deployment, condition: updated, newStatus: stalled) == 701)
  }

  @Test(
    "progress refreshes lastUpdateTime and keeps the transition time, so the deadline restarts (progress.go syncRolloutStatus)"
  )
  func progressResetsDeadline() {
    var better = stalled
    better.availableReplicas = 3
    let condition = DeploymentProgress.progressing(
      deployment, decision: rollout, previous: updated, previousStatus: stalled,
      newStatus: better, now: 650)
    #expect(
      condition
        == .init(
          status: .true, reason: .replicaSetUpdated, lastUpdateTime: 650, lastTransitionTime: 50))
    #expect(
      !DeploymentProgress.isTimedOut(condition, progressDeadlineSeconds: 600, now: 1200))
    #expect(DeploymentProgress.isTimedOut(condition, progressDeadlineSeconds: 600, now: 1250.1))
  }

  @Test(
    "a complete rollout reads NewReplicaSetAvailable and never times out (progress.go syncRolloutStatus)"
  )
  func completeCondition() {
    let done = DeploymentStatusSummary(
      replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2,
      unavailableReplicas: 0)
    let condition = DeploymentProgress.progressing(
      deployment, decision: rollout, previous: updated, previousStatus: stalled, newStatus: done,
      now: 5000)
    #expect(condition?.reason == .newReplicaSetAvailable)
    #expect(condition?.lastTransitionTime == 50)
    #expect(!DeploymentProgress.isTimedOut(condition, progressDeadlineSeconds: 600, now: 1e9))
  }

  @Test(
    "creating the new ReplicaSet sets NewReplicaSetCreated, the deadline's start (sync.go getNewReplicaSet)"
  )
  func creation() {
    let created = DeploymentDecision(
      path: .rollingUpdate,
      newReplicaSet: .init(replicas: 1, revision: 2, desiredReplicas: 2, maxReplicas: 3))
    let condition = DeploymentProgress.progressing(
      deployment, decision: created, previous: nil, previousStatus: stalled, newStatus: stalled,
      now: 10)
    #expect(
      condition
        == .init(
          status: .true, reason: .newReplicaSetCreated, lastUpdateTime: 10, lastTransitionTime: 10))
  }

  @Test(
    "pausing sets Unknown DeploymentPaused and estimates no progress; a timeout is kept (sync.go checkPausedConditions)"
  )
  func paused() {
    let paused = DeploymentSummary(replicas: 2, paused: true)
    let decision = DeploymentDecision(path: .paused, newReplicaSetID: 2)
    let condition = DeploymentProgress.progressing(
      paused, decision: decision, previous: updated, previousStatus: stalled, newStatus: stalled,
      now: 5000)
    #expect(condition?.status == .unknown && condition?.reason == .deploymentPaused)
    let timedOut = DeploymentProgress.Condition(
      status: .false, reason: .progressDeadlineExceeded, lastUpdateTime: 1, lastTransitionTime: 1)
    let kept = DeploymentProgress.progressing(
      paused, decision: decision, previous: timedOut, previousStatus: stalled, newStatus: stalled,
      now: 5000)
    #expect(kept == timedOut)
  }

  @Test(
    "without a deadline there is no Progressing condition (deployment_util.go HasProgressDeadline)")
  func noDeadline() {
    let unbounded = DeploymentSummary(replicas: 2, progressDeadlineSeconds: nil)
    #expect(
      DeploymentProgress.progressing(
        unbounded, decision: rollout, previous: updated, previousStatus: stalled,
        newStatus: stalled, now: 1e9) == nil)
  }
}
