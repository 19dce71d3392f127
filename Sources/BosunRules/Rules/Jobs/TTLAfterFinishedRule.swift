import BosunCore
import BosunModel

/// A standalone Job is never cleaned up, or a CronJob's jobs are deleted behind its history.
struct TTLAfterFinishedRule: Rule {
  static let description = RuleDescription(
    id: "job-ttl-after-finished",
    summary: "a standalone Job has no ttlSecondsAfterFinished, or a CronJob's job template has one",
    rationale: """
      A finished Job and its pods stay until someone deletes them; ttlSecondsAfterFinished \
      removes them automatically. Under a CronJob the controller already keeps \
      successfulJobsHistoryLimit and failedJobsHistoryLimit jobs, and a TTL deletes them \
      behind its back, losing the failed runs' logs.
      """,
    remediation:
      "set spec.ttlSecondsAfterFinished on Jobs; on CronJobs use the history limits instead",
    category: .jobs, severity: .info, kinds: JobSpecs.kinds,
    examples: [
      .passing(
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          ttlSecondsAfterFinished: 3600
        """),
      .failing(
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          backoffLimit: 1
        """, at: "/spec"),
      .failing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              ttlSecondsAfterFinished: 60
        """, at: "/spec/jobTemplate/spec/ttlSecondsAfterFinished"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let spec = JobSpecs.of(object) else { return [] }
    let ttl = spec["ttlSecondsAfterFinished"]
    if object.identity.kind == "CronJob" {
      guard let ttl else { return [] }
      return [
        Finding(
          at: ttl.pointer,
          "jobs of this CronJob are deleted after \(ttl.node.text ?? "?")s, behind its history limits; remove the TTL and use the history limits"
        )
      ]
    }
    let owned = object.node["metadata"]?["ownerReferences"]?.items?.isEmpty == false
    guard ttl == nil, !owned else { return [] }
    return [
      Finding(
        at: spec.pointer,
        "finished job and its pods are never deleted; set ttlSecondsAfterFinished")
    ]
  }
}
