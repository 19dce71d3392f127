/// A CronJob schedule checked the way the API server parses it: robfig/cron v3
/// `ParseStandard` (five fields, names, ranges, steps, lists, `?`, descriptors and `@every`),
/// then batch/validation `validateScheduleFormat`, which rejects `TZ`/`CRON_TZ` on create.
enum CronSchedule {
  /// One field of a standard schedule with its bounds and names.
  struct Field {
    var name: String
    var min: Int
    var max: Int
    var names: [String: Int] = [:]
  }

  /// The five fields, in order (robfig `minutes`, `hours`, `dom`, `months`, `dow`).
  static let fields: [Field] = [
    Field(name: "minute", min: 0, max: 59),
    Field(name: "hour", min: 0, max: 23),
    Field(name: "day-of-month", min: 1, max: 31),
    Field(
      name: "month", min: 1, max: 12,
      names: Dictionary(
        uniqueKeysWithValues: [
          "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
          "nov", "dec",
        ].enumerated().map { ($1, $0 + 1) })),
    Field(
      name: "day-of-week", min: 0, max: 6,
      names: Dictionary(
        uniqueKeysWithValues: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"].enumerated().map {
          ($1, $0)
        })),
  ]

  /// Descriptors robfig accepts in place of five fields.
  static let descriptors: Set<String> = [
    "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
  ]

  /// What is wrong with a schedule, or nil when the API server accepts it.
  static func problem(in schedule: String) -> String? {
    if schedule.contains("TZ") {
      return "TZ and CRON_TZ prefixes are rejected in schedule; set spec.timeZone instead"
    }
    let parts = schedule.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
      .map(String.init)
    guard let first = parts.first else { return "schedule is empty; write five fields" }
    if first.hasPrefix("@") {
      if first == "@every" {
        guard parts.count == 2, GoDuration.isValid(parts[1]) else {
          return "@every needs one duration such as 1h30m"
        }
        return nil
      }
      guard descriptors.contains(first) else {
        return "unrecognised descriptor \(first); use @hourly, @daily, @weekly, @monthly or @yearly"
      }
      return parts.count == 1 ? nil : "\(first) takes no further fields"
    }
    guard parts.count == 5 else {
      return
        "expected exactly 5 fields (minute hour day-of-month month day-of-week), found \(parts.count)"
    }
    for (text, field) in zip(parts, fields) {
      if let problem = problem(in: text, field: field) { return problem }
    }
    return nil
  }

  /// What is wrong with one field (a comma-separated list of ranges), or nil.
  static func problem(in text: String, field: Field) -> String? {
    for expression in text.split(separator: ",", omittingEmptySubsequences: false) {
      let rangeAndStep = expression.split(separator: "/", omittingEmptySubsequences: false)
      guard rangeAndStep.count <= 2 else {
        return "\(field.name) field has too many slashes in \(expression)"
      }
      let bounds = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false)
      guard bounds.count <= 2 else {
        return "\(field.name) field has too many hyphens in \(expression)"
      }
      var start = field.min
      var end = field.max
      if bounds[0] == "*" || bounds[0] == "?" {
        guard bounds.count == 1 else { return "\(field.name) field cannot range from \(bounds[0])" }
      } else {
        guard let low = value(String(bounds[0]), field) else {
          return "\(field.name) field has \(bounds[0]), which is not a number or name"
        }
        start = low
        end = low
        if bounds.count == 2 {
          guard let high = value(String(bounds[1]), field) else {
            return "\(field.name) field has \(bounds[1]), which is not a number or name"
          }
          end = high
        }
      }
      if rangeAndStep.count == 2 {
        guard let step = Int(rangeAndStep[1]), !rangeAndStep[1].hasPrefix("+") else {
          return "\(field.name) field has step \(rangeAndStep[1]), which is not a number"
        }
        guard step > 0 else { return "\(field.name) field has step \(step); use a positive step" }
        // robfig: `N/step` means N through the field's maximum.
        if bounds.count == 1 && bounds[0] != "*" && bounds[0] != "?" { end = field.max }
      }
      if start < field.min {
        return "\(field.name) field starts at \(start), below its minimum \(field.min)"
      }
      if end > field.max {
        return "\(field.name) field reaches \(end), above its maximum \(field.max)"
      }
      if start > end {
        return "\(field.name) field range \(rangeAndStep[0]) starts after it ends"
      }
    }
    return nil
  }

  private static func value(_ text: String, _ field: Field) -> Int? {
    if let named = field.names[text.lowercased()] { return named }
    guard !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
    return Int(text)
  }
}

/// Go's `time.ParseDuration` grammar, enough to validate `@every`: a sequence of decimal
/// numbers with units ns, us, µs, ms, s, m, h.
enum GoDuration {
  static func isValid(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
    if rest == "0" { return true }
    guard !rest.isEmpty else { return false }
    let units = ["ns", "us", "µs", "μs", "ms", "s", "m", "h"]
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, number != "." else { return false }
      rest = rest.dropFirst(number.count)
      guard let unit = units.sorted(by: { $0.count > $1.count }).first(where: rest.hasPrefix)
      else { return false }
      rest = rest.dropFirst(unit.count)
    }
    return true
  }
}
