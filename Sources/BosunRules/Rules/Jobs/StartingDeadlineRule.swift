import BosunCore
import BosunModel

/// A CronJob's startingDeadlineSeconds is missing or too short to be met.
struct StartingDeadlineRule: Rule {
  static let description = RuleDescription(
    id: "cronjob-starting-deadline",
    summary: "a CronJob's startingDeadlineSeconds is missing or below 10",
    rationale: """
      The CronJob controller checks schedules about every 10 seconds, so a deadline below 10 \
      can expire before the controller looks and the job may never start. Without a deadline, \
      a controller that was down for more than 100 schedule times stops starting the job \
      altogether ("too many missed start times").
      """,
    remediation: "set spec.startingDeadlineSeconds to a value of 10 or more (for example 300)",
    category: .jobs, severity: .warning, kinds: ["CronJob"],
    examples: [
      .passing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          startingDeadlineSeconds: 300
        """),
      .failing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          startingDeadlineSeconds: 5
        """, at: "/spec/startingDeadlineSeconds"),
      .failing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
        """, at: "/spec"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let spec = object.node["spec"] else { return [] }
    guard let deadline = spec["startingDeadlineSeconds"] else {
      return [
        Finding(
          at: "/spec",
          "no startingDeadlineSeconds: after more than 100 missed schedules the job stops starting; set one",
          severity: .info)
      ]
    }
    guard let seconds = deadline.intValue, seconds < 10 else { return [] }
    return [
      Finding(
        at: "/spec/startingDeadlineSeconds",
        "startingDeadlineSeconds \(seconds) is below the controller's 10s check interval, so runs may never start; use at least 10"
      )
    ]
  }
}
