/// The Job controller's decisions for one sync, as pure functions.
///
/// Mirrors `syncJob` and `manageJob` in pkg/controller/job/job_controller.go and the failure
/// back-off of backoff_utils.go. Pod failure policies, `backoffLimitPerIndex`, success policies
/// and pod replacement policies are not modelled.
public enum JobSync {
  /// `MaxPodCreateDeletePerSync`: at most this many pods are created or deleted in one sync.
  public static let maxPodsPerSync = 500
  /// `DefaultJobPodFailureBackOff`: the delay before recreating pods after the first failure.
  public static let initialBackoff = 10.0
  /// `MaxJobPodFailureBackOff`: the back-off doubles up to 10 minutes (the controller's
  /// constant; the Job documentation's "six minutes" is not what the code does).
  public static let maximumBackoff = 600.0

  /// One sync of `job` given its pods.
  ///
  /// - Parameters:
  ///   - active: pods neither finished nor terminating.
  ///   - succeeded, failed: finished pods counted so far (`status.succeeded`, `status.failed`).
  ///   - succeededIndexes, activeIndexes: for Indexed Jobs, the completion indexes of succeeded
  ///     and active pods.
  ///   - lastFailureAt: when the last pod failed, on the virtual clock.
  ///   - failuresSinceLastSuccess: failures after the last success, which drive the back-off
  ///     (upstream's `backoffRecord`); defaults to `failed`.
  ///   - containerRestarts: with `restartPolicy: OnFailure` pods do not fail, their containers
  ///     restart; the sum of restart counts of running and pending pods is checked against
  ///     `backoffLimit` instead (`pastBackoffLimitOnFailure`).
  public static func sync(
    _ job: JobSummary, active: Int, succeeded: Int, failed: Int,
    succeededIndexes: Set<Int>? = nil, activeIndexes: Set<Int>? = nil, now: Double,
    lastFailureAt: Double?, failuresSinceLastSuccess: Int? = nil, containerRestarts: Int = 0
  ) -> JobDecision {
    let deleteAll = min(active, maxPodsPerSync)
    if failed > job.backoffLimit || pastBackoffLimitOnFailure(job, restarts: containerRestarts) {
      return JobDecision(podsToDelete: deleteAll, outcome: .failed(reason: .backoffLimitExceeded))
    }
    var requeueAt: Double?
    if let deadline = job.activeDeadlineSeconds, let start = job.startTime, !job.suspend {
      if now - start >= Double(deadline) {
        return JobDecision(podsToDelete: deleteAll, outcome: .failed(reason: .deadlineExceeded))
      }
      requeueAt = start + Double(deadline)
    }
    if job.suspend { return JobDecision(podsToDelete: deleteAll) }

    let indexed = job.completionMode == .indexed && job.completions != nil
    let done =
      indexed
      ? (succeededIndexes?.filter { $0 < job.completions ?? 0 }.count ?? succeeded) : succeeded
    let want = wantActive(job, active: active, succeeded: done)
    var decision = JobDecision(requeueAt: requeueAt)
    if active > want {
      // Deletion takes precedence: no pod is created in the same sync.
      decision.podsToDelete = min(active - want, maxPodsPerSync)
    } else if want > active {
      let wait = remainingBackoff(
        failures: failuresSinceLastSuccess ?? failed, lastFailureAt: lastFailureAt, now: now)
      if wait > 0 {
        decision.requeueAt = min(requeueAt ?? .infinity, now + wait)
      } else {
        var count = min(want - active, maxPodsPerSync)
        if indexed, let completions = job.completions {
          let taken = (succeededIndexes ?? []).union(activeIndexes ?? [])
          decision.indexesToCreate = Array(
            (0..<completions).lazy.filter { !taken.contains($0) }.prefix(count))
          count = decision.indexesToCreate.count
        }
        decision.podsToCreate = count
      }
    }
    let remaining = active - decision.podsToDelete
    let complete =
      job.completions.map { done >= $0 && remaining == 0 } ?? (done > 0 && remaining == 0)
    if complete { decision.outcome = .complete }
    return decision
  }

  /// How many pods should be active: `parallelism` for a work queue until something
  /// succeeded (then whatever still runs), else the remaining completions up to `parallelism`.
  public static func wantActive(_ job: JobSummary, active: Int, succeeded: Int) -> Int {
    guard let completions = job.completions else {
      return succeeded > 0 ? active : job.parallelism
    }
    return min(max(completions - succeeded, 0), job.parallelism)
  }

  /// The failure back-off after `failures` consecutive failures: 10 s, doubling, at most
  /// 10 minutes (`getRemainingTimeForFailuresCount`).
  public static func backoff(failures: Int) -> Double {
    guard failures > 0 else { return 0 }
    var delay = initialBackoff
    for _ in 1..<failures {
      delay *= 2
      if delay >= maximumBackoff { return maximumBackoff }
    }
    return delay
  }

  /// The part of the back-off still to wait at `now`.
  static func remainingBackoff(failures: Int, lastFailureAt: Double?, now: Double) -> Double {
    guard let lastFailureAt else { return 0 }
    return max(backoff(failures: failures) - (now - lastFailureAt), 0)
  }

  /// The sizes in which `count` pods are created within one sync: 1, 2, 4, ... (the slow start
  /// of `manageJob`, `SlowStartInitialBatchSize` 1), after capping at `maxPodsPerSync`. The
  /// batches only matter when creations fail, which the simulation does not model, so all of
  /// them go through in the same sync.
  public static func slowStartBatches(_ count: Int) -> [Int] {
    var remaining = min(count, maxPodsPerSync)
    var batches: [Int] = []
    var size = 1
    while remaining > 0 {
      let batch = min(size, remaining)
      batches.append(batch)
      remaining -= batch
      size *= 2
    }
    return batches
  }

  /// `pastBackoffLimitOnFailure`: restarts reach `backoffLimit` (any restart when it is 0).
  private static func pastBackoffLimitOnFailure(_ job: JobSummary, restarts: Int) -> Bool {
    guard job.restartPolicy == "OnFailure" else { return false }
    return job.backoffLimit == 0 ? restarts > 0 : restarts >= job.backoffLimit
  }
}
