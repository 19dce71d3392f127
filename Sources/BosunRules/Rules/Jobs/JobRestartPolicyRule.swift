import BosunCore
import BosunModel

/// A Job's pods would restart forever in place.
struct JobRestartPolicyRule: Rule {
  static let description = RuleDescription(
    id: "job-restart-policy",
    summary: "a Job's pod template sets a restartPolicy other than OnFailure or Never",
    rationale: """
      The API server accepts only OnFailure or Never for a Job's pods. The pod default is \
      Always, so a template that leaves restartPolicy out is rejected as well.
      """,
    remediation: "set restartPolicy: Never (the Job retries with new pods) or OnFailure",
    category: .jobs, severity: .error, kinds: JobSpecs.kinds,
    examples: [
      .passing(
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers: [{name: migrate, image: "example/migrate:1.0"}]
        """),
      .failing(
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: Always
              containers: [{name: migrate, image: "example/migrate:1.0"}]
        """, at: "/spec/template/spec/restartPolicy"),
      .failing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: report, image: "example/report:1.0"}]
        """, at: "/spec/jobTemplate/spec/template/spec"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let (spec, pointer) = PodSpecs.podSpec(of: object) else { return [] }
    guard let policy = spec["restartPolicy"] else {
      return [
        Finding(
          at: pointer,
          "restartPolicy is unset and defaults to Always, which Jobs reject; set Never or OnFailure"
        )
      ]
    }
    let value = policy.text ?? ""
    guard value != "OnFailure" && value != "Never" else { return [] }
    return [
      Finding(
        at: pointer.appending("restartPolicy"),
        "restartPolicy \(value) is not allowed for Jobs; set Never or OnFailure")
    ]
  }
}
