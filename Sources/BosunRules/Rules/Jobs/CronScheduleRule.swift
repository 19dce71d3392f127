import BosunCore
import BosunModel

/// A CronJob schedule or time zone the API server rejects.
struct CronScheduleRule: Rule {
  static let description = RuleDescription(
    id: "cronjob-schedule-invalid",
    summary: "a CronJob's schedule or timeZone is one the API server rejects",
    rationale: """
      The API server parses spec.schedule as standard cron: five fields (minute 0-59, hour \
      0-23, day of month 1-31, month 1-12 or jan-dec, day of week 0-6 or sun-sat) with lists, \
      ranges and steps, or a descriptor such as @daily or @every 1h. Day of week 7 is not \
      accepted. TZ= and CRON_TZ= prefixes are rejected on create; spec.timeZone takes an IANA \
      name instead.
      """,
    remediation: "fix the named field, and move any time zone to spec.timeZone",
    category: .jobs, severity: .error, kinds: ["CronJob"],
    examples: [
      .passing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "*/15 9-17 * JAN-jun mon-fri"
          timeZone: Europe/Berlin
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never}}}}
        """),
      .passing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "@every 1h30m"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never}}}}
        """),
      .failing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 24 * * 1"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never}}}}
        """, at: "/spec/schedule"),
      .failing(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "CRON_TZ=UTC 0 3 * * *"
          timeZone: Local
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never}}}}
        """, at: "/spec/schedule", "/spec/timeZone"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let spec = object.node["spec"] else { return [] }
    var findings: [Finding] = []
    if let schedule = spec["schedule"]?.scalarText, let problem = CronSchedule.problem(in: schedule)
    {
      findings.append(Finding(at: "/spec/schedule", "schedule \"\(schedule)\": \(problem)"))
    }
    if let zone = spec["timeZone"]?.scalarText, let problem = Self.timeZoneProblem(zone) {
      findings.append(Finding(at: "/spec/timeZone", "timeZone \"\(zone)\": \(problem)"))
    }
    return findings
  }

  /// Mirrors batch/validation `validateTimeZone`'s naming rules (the tz database lookup needs
  /// the cluster's data and is not repeated here).
  static func timeZoneProblem(_ zone: String) -> String? {
    if zone.isEmpty { return "must not be empty; omit it for the controller's local zone" }
    if zone.lowercased() == "local" { return "must be an explicit IANA time zone such as Etc/UTC" }
    for part in zone.split(separator: "/", omittingEmptySubsequences: false) {
      let allowed = part.allSatisfy {
        $0.isASCII && ($0.isLetter || $0.isNumber || ".-_+".contains($0))
      }
      if part == "." || part == ".." || part.hasPrefix("-") || part.isEmpty || part.count > 14
        || !allowed
      {
        return "is not a valid IANA time zone name such as America/New_York"
      }
    }
    return nil
  }
}
