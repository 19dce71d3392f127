import BosunCore
import Foundation

/// The texts `bosun rules`, `bosun rules explain ID` and `docs/rules.md` show, generated from
/// the rule descriptions so they never drift from the code.
public enum RuleDocumentation {
  /// `bosun rules`: one line per rule, grouped by category.
  public static func list(_ rules: [any Rule.Type] = BuiltInRules.all) -> String {
    let descriptions = rules.map { $0.description }
    let width = descriptions.map(\.id.count).max() ?? 0
    var out = ""
    for category in RuleCategory.allCases {
      let members = descriptions.filter { $0.category == category }.sorted { $0.id < $1.id }
      guard !members.isEmpty else { continue }
      if !out.isEmpty { out += "\n" }
      out += "\(category.rawValue)\n"
      for rule in members {
        let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
        let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
        out += "  \(id)  \(severity)  \(rule.optIn ? "opt-in  " : "        ")\(rule.summary)\n"
      }
    }
    return out
  }

  /// `bosun rules explain ID`: everything about one rule, as plain text.
  public static func explain(_ rule: RuleDescription) -> String {
    var out = "\(rule.id): \(rule.summary)\n\n"
    out += "category: \(rule.category.rawValue)\n"
    out += "severity: \(rule.severity.rawValue)\(rule.optIn ? " (opt-in)" : "")\n"
    out += "applies to: \(kinds(rule))\n\n"
    out += "why\n\(indented(rule.rationale))\n\n"
    out += "how to fix\n\(indented(rule.remediation))\n"
    if !rule.options.isEmpty {
      out += "\noptions (in .bosun.yaml under rules.\(rule.id).options)\n"
      for option in rule.options {
        out +=
          "  \(option.name) (\(option.kind.rawValue), default \(render(option.defaultValue))): \(option.help)\n"
      }
    }
    for (index, example) in rule.examples.enumerated() {
      out += "\n" + exampleHeading(example, index) + "\n"
      out += indented(example.manifest.trimmingTrailingNewlines()) + "\n"
    }
    return out
  }

  /// The whole of `docs/rules.md`.
  public static func markdown(_ rules: [any Rule.Type] = BuiltInRules.all) -> String {
    let descriptions = rules.map { $0.description }
    var out = "# Rules\n\n"
    out += "Generated from the rule descriptions by `bosun rules --format markdown`; do not edit.\n"
    out += "Configure rules in `.bosun.yaml`; silence one finding with a `bosun.dev/ignore`\n"
    out += "annotation or a `# bosun:ignore rule-id -- reason` comment.\n\n"
    out += "| rule | category | severity | default | summary |\n|---|---|---|---|---|\n"
    for rule in descriptions {
      out +=
        "| [`\(rule.id)`](#\(rule.id)) | \(rule.category.rawValue) | \(rule.severity.rawValue) | \(rule.optIn ? "off (opt-in)" : "on") | \(rule.summary) |\n"
    }
    for category in RuleCategory.allCases {
      let members = descriptions.filter { $0.category == category }
      guard !members.isEmpty else { continue }
      out += "\n## \(category.rawValue.capitalized)\n"
      for rule in members { out += "\n" + section(rule) }
    }
    return out
  }

  private static func section(_ rule: RuleDescription) -> String {
    let sentence = rule.summary.prefix(1).uppercased() + rule.summary.dropFirst()
    var out = "### \(rule.id)\n\n\(sentence).\n\n"
    out += "Severity **\(rule.severity.rawValue)**, \(rule.optIn ? "off unless enabled" : "on by default")"
    out += "; applies to \(kinds(rule)).\n\n"
    out += "\(rule.rationale)\n\n**Fix:** \(rule.remediation)\n"
    if !rule.options.isEmpty {
      out += "\n| option | type | default | meaning |\n|---|---|---|---|\n"
      for option in rule.options {
        out +=
          "| `\(option.name)` | \(option.kind.rawValue) | `\(render(option.defaultValue))` | \(option.help) |\n"
      }
    }
    for (index, example) in rule.examples.enumerated() {
      out += "\n" + exampleHeading(example, index) + "\n\n"
      out += "```yaml\n\(example.manifest.trimmingTrailingNewlines())\n```\n"
    }
    return out
  }

  private static func exampleHeading(_ example: RuleExample, _ index: Int) -> String {
    var heading: String
    if example.expected.isEmpty {
      heading = "Passes"
    } else {
      let at = example.expected.map { expected -> String in
        let object = [expected.kind, expected.name].compactMap { $0 }.joined(separator: " ")
        return "`\(expected.pointer)`" + (object.isEmpty ? "" : " (\(object))")
      }
      heading = "Fails at " + at.joined(separator: ", ")
    }
    if !example.options.isEmpty {
      let options = example.options.keys.sorted().map { "\($0): \(render(example.options[$0]!))" }
      heading += " with options " + options.joined(separator: ", ")
    }
    return heading + ":"
  }

  private static func kinds(_ rule: RuleDescription) -> String {
    rule.kinds.isEmpty ? "every kind" : rule.kinds.sorted().joined(separator: ", ")
  }

  private static func render(_ value: Value) -> String { value.jsonText(compact: true) }

  private static func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.isEmpty ? "" : "  " + $0
    }.joined(separator: "\n")
  }
}

extension String {
  fileprivate func trimmingTrailingNewlines() -> String {
    var s = Substring(self)
    while s.last == "\n" { s = s.dropLast() }
    return String(s)
  }
}
