import Testing

@testable import BosunRules

/// CronJob schedules as robfig/cron `ParseStandard` and batch validation read them.
@Suite struct CatalogueCronTests {
  @Test(arguments: [
    "* * * * *", "0 3 * * *", "*/15 9-17 * * 1-5", "0 0 1,15 * *", "5/10 * * * *",
    "0 12 ? JAN-Mar sun", "@daily", "@midnight", "@every 90s", "@every 1h30m", "  0  3 * * *  ",
  ])
  func accepted(schedule: String) {
    #expect(CronSchedule.problem(in: schedule) == nil)
  }

  @Test(arguments: [
    ("0 3 * *", "5 fields"),
    ("0 3 * * * *", "5 fields"),
    ("60 * * * *", "minute"),
    ("0 24 * * *", "hour"),
    ("0 0 0 * *", "day-of-month"),
    ("0 0 * 13 *", "month"),
    ("0 0 * * 7", "day-of-week"),
    ("0 0 * * mon-sun", "day-of-week"),
    ("*/0 * * * *", "minute"),
    ("0 17-9 * * *", "hour"),
    ("0 H * * *", "hour"),
    ("@fortnightly", "descriptor"),
    ("@every soon", "@every"),
    ("TZ=UTC 0 3 * * *", "timeZone"),
    ("CRON_TZ=Europe/Paris 0 3 * * *", "timeZone"),
  ])
  func rejectedNamingTheField(schedule: String, expected: String) throws {
    let problem = try #require(CronSchedule.problem(in: schedule))
    #expect(problem.contains(expected), "\(problem)")
  }

  @Test func timeZoneNames() {
    #expect(CronScheduleRule.timeZoneProblem("America/Argentina/Buenos_Aires") == nil)
    #expect(CronScheduleRule.timeZoneProblem("Etc/GMT+5") == nil)
    #expect(CronScheduleRule.timeZoneProblem("Local") != nil)
    #expect(CronScheduleRule.timeZoneProblem("Europe//Paris") != nil)
    #expect(CronScheduleRule.timeZoneProblem("") != nil)
  }
}
