import BosunCore
import BosunModel

/// A Job's retry budget is negative or left to the default.
struct BackoffLimitRule: Rule {
  static let description = RuleDescription(
    id: "job-backoff-limit",
    summary: "a Job's backoffLimit is negative or left to the default of 6",
    rationale: """
      backoffLimit is how many failed pods a Job tolerates before giving up; negative values \
      are rejected. Unset it means 6 retries with exponential back-off, which may be far too \
      many for a non-idempotent task or too few for a flaky one.
      """,
    remediation: "set spec.backoffLimit to the number of retries the task can afford",
    category: .jobs, severity: .info, kinds: JobSpecs.kinds,
    examples: [
      .passing(
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          backoffLimit: 2
        """),
      .failing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              backoffLimit: -1
        """, at: "/spec/jobTemplate/spec/backoffLimit"),
      .failing(
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          completions: 1
        """, at: "/spec"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let spec = JobSpecs.of(object) else { return [] }
    guard let limit = spec["backoffLimit"] else {
      return [
        Finding(
          at: spec.pointer,
          "backoffLimit is unset, so failed pods are retried 6 times; set the retries the task can afford"
        )
      ]
    }
    guard let value = limit.node.intValue, value < 0 else { return [] }
    return [
      Finding(
        at: limit.pointer, "backoffLimit \(value) is negative; use 0 or more", severity: .error)
    ]
  }
}
