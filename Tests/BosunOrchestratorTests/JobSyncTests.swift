import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Job sync (pkg/controller/job/job_controller.go, backoff_utils.go)")
struct JobSyncTests {
  private func sync(
    _ job: JobSummary, active: Int = 0, succeeded: Int = 0, failed: Int = 0, now: Double = 0,
    lastFailureAt: Double? = nil
  ) -> JobDecision {
    JobSync.sync(
      job, active: active, succeeded: succeeded, failed: failed, now: now,
      lastFailureAt: lastFailureAt)
  }

  @Test(
    "with completions, active pods are clamp(completions - succeeded, 0, parallelism) (manageJob)")
  func completionsAndParallelism() {
    let job = JobSummary(parallelism: 2, completions: 5)
    var active = 0
    var succeeded = 0
    var created: [Int] = []
    for _ in 0..<10 {
      let decision = sync(job, active: active, succeeded: succeeded)
      if decision.outcome == .complete { break }
      created.append(decision.podsToCreate)
      active += decision.podsToCreate
      // Every active pod succeeds before the next sync.
      succeeded += active
      active = 0
    }
    #expect(created == [2, 2, 1])
    #expect(succeeded == 5)
    #expect(sync(job, succeeded: 5).outcome == .complete)
    #expect(sync(job, active: 1, succeeded: 4).outcome == nil)
  }

  @Test("lowering parallelism deletes the extra active pods and creates none in that sync")
  func scaleDown() {
    let decision = sync(JobSummary(parallelism: 1, completions: 10), active: 3)
    #expect(decision.podsToDelete == 2)
    #expect(decision.podsToCreate == 0)
  }

  @Test("a work queue runs parallelism pods and completes when one succeeded and none is active")
  func workQueue() {
    let job = JobSummary(parallelism: 3)
    #expect(sync(job).podsToCreate == 3)
    let draining = sync(job, active: 2, succeeded: 1)
    #expect(draining.podsToCreate == 0 && draining.podsToDelete == 0 && draining.outcome == nil)
    #expect(sync(job, succeeded: 1).outcome == .complete)
  }

  @Test("the Job fails with BackoffLimitExceeded when failed pods exceed backoffLimit")
  func backoffLimit() {
    let job = JobSummary(parallelism: 2, completions: 4, backoffLimit: 2)
    let failing = sync(job, active: 2, failed: 3, now: 1000, lastFailureAt: 0)
    #expect(failing.outcome == .failed(reason: .backoffLimitExceeded))
    #expect(failing.podsToDelete == 2)
    #expect(sync(job, active: 1, failed: 2, now: 1000, lastFailureAt: 0).outcome == nil)
  }

  @Test("with restartPolicy OnFailure, container restarts reaching backoffLimit fail the Job")
  func restartsOnFailure() {
    let job = JobSummary(backoffLimit: 3, restartPolicy: "OnFailure")
    let restarts = { (count: Int) in
      JobSync.sync(
        job, active: 1, succeeded: 0, failed: 0, now: 0, lastFailureAt: nil,
        containerRestarts: count)
    }
    #expect(restarts(2).outcome == nil)
    #expect(restarts(3).outcome == .failed(reason: .backoffLimitExceeded))
  }

  @Test("pods are recreated after a back-off of 10 s doubling per failure, capped at 10 minutes")
  func failureBackoff() {
    #expect((1...8).map { JobSync.backoff(failures: $0) } == [10, 20, 40, 80, 160, 320, 600, 600])
    let job = JobSummary(completions: 1)
    let waiting = sync(job, failed: 1, now: 105, lastFailureAt: 100)
    #expect(waiting.podsToCreate == 0)
    #expect(waiting.requeueAt == 110)
    #expect(sync(job, failed: 1, now: 110, lastFailureAt: 100).podsToCreate == 1)
    #expect(sync(job, failed: 3, now: 130, lastFailureAt: 100).requeueAt == 140)
  }

  @Test(
    "activeDeadlineSeconds from startTime fails the Job with DeadlineExceeded and deletes active pods"
  )
  func activeDeadline() {
    let job = JobSummary(parallelism: 2, completions: 4, activeDeadlineSeconds: 30, startTime: 5)
    let early = sync(job, active: 2, now: 20)
    #expect(early.outcome == nil)
    #expect(early.requeueAt == 35)
    let late = sync(job, active: 2, now: 35)
    #expect(late.outcome == .failed(reason: .deadlineExceeded))
    #expect(late.podsToDelete == 2)
    var suspended = job
    suspended.suspend = true
    #expect(sync(suspended, active: 2, now: 100).outcome == nil)
    #expect(sync(suspended, active: 2, now: 100).podsToDelete == 2)
  }

  @Test(
    "an Indexed Job creates the lowest indexes that neither succeeded nor run (firstPendingIndexes)"
  )
  func indexed() {
    let job = JobSummary(parallelism: 3, completions: 5, completionMode: .indexed)
    let first = JobSync.sync(
      job, active: 0, succeeded: 0, failed: 0, succeededIndexes: [], activeIndexes: [], now: 0,
      lastFailureAt: nil)
    #expect(first.indexesToCreate == [0, 1, 2])
    let later = JobSync.sync(
      job, active: 1, succeeded: 2, failed: 0, succeededIndexes: [0, 2], activeIndexes: [1],
      now: 0, lastFailureAt: nil)
    #expect(later.indexesToCreate == [3, 4])
    #expect(later.podsToCreate == 2)
    let done = JobSync.sync(
      job, active: 0, succeeded: 5, failed: 0, succeededIndexes: [0, 1, 2, 3, 4],
      activeIndexes: [], now: 0, lastFailureAt: nil)
    #expect(done.outcome == .complete)
  }

  @Test("creations go in slow-start batches 1, 2, 4, ... and at most 500 pods per sync")
  func slowStart() {
    #expect(JobSync.slowStartBatches(10) == [1, 2, 4, 3])
    #expect(JobSync.slowStartBatches(1000).reduce(0, +) == 500)
    #expect(sync(JobSummary(parallelism: 800, completions: 1000)).podsToCreate == 500)
  }

  @Test("the summary reads the defaults: parallelism 1, backoffLimit 6, NonIndexed")
  func summaryDefaults() {
    let yaml = """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate}
      spec:
        template: {spec: {restartPolicy: OnFailure, containers: [{name: m, image: m}]}}
      """
    guard case .job(let job) = ManifestFixture.view(yaml) else {
      Issue.record("not a Job")
      return
    }
    let summary = JobSummary(job)
    #expect(summary.parallelism == 1)
    #expect(summary.backoffLimit == 6)
    #expect(summary.completions == nil)
    #expect(summary.completionMode == .nonIndexed)
    #expect(summary.restartPolicy == "OnFailure")
  }
}
