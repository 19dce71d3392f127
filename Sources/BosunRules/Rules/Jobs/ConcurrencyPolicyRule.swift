import BosunCore
import BosunModel

/// A CronJob's concurrencyPolicy is invalid or left to the overlapping default.
struct ConcurrencyPolicyRule: Rule {
  static let description = RuleDescription(
    id: "cronjob-concurrency-policy",
    summary: "a CronJob's concurrencyPolicy is invalid or left to the overlapping default",
    rationale: """
      concurrencyPolicy accepts Allow, Forbid or Replace; anything else is rejected. Left \
      unset it means Allow: a run that outlasts the interval overlaps the next one, which \
      doubles load and can corrupt work that assumes a single runner.
      """,
    remediation:
      "set concurrencyPolicy to Forbid or Replace, or to Allow if overlapping runs are safe",
    category: .jobs, severity: .info, kinds: ["CronJob"],
    examples: [
      .passing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          concurrencyPolicy: Forbid
        """),
      .failing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          concurrencyPolicy: forbid
        """, at: "/spec/concurrencyPolicy"),
      .failing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "*/5 * * * *"
        """, at: "/spec"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let spec = object.node["spec"] else { return [] }
    guard let policy = spec["concurrencyPolicy"] else {
      return [
        Finding(
          at: "/spec",
          "concurrencyPolicy is unset, so overlapping runs are allowed; set Forbid, Replace or Allow explicitly"
        )
      ]
    }
    let value = policy.text ?? ""
    guard !["Allow", "Forbid", "Replace"].contains(value) else { return [] }
    return [
      Finding(
        at: "/spec/concurrencyPolicy",
        "concurrencyPolicy \(value) is not one of Allow, Forbid or Replace", severity: .error)
    ]
  }
}
