import BosunRules
import Foundation
import Testing

/// `docs/rules.md` is what the registry generates. Run with `BOSUN_UPDATE_DOCS=1` to rewrite it.
@Suite struct DocumentationTests {
  @Test func rulesMarkdownIsCurrent() throws {
    let url = repositoryRoot.appendingPathComponent("docs/rules.md")
    let generated = RuleDocumentation.markdown()
    if ProcessInfo.processInfo.environment["BOSUN_UPDATE_DOCS"] == "1" {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try generated.write(to: url, atomically: true, encoding: .utf8)
    }
    let current = try? String(contentsOf: url, encoding: .utf8)
    #expect(
      current == generated,
      "docs/rules.md is out of date; run BOSUN_UPDATE_DOCS=1 swift test --filter DocumentationTests"
    )
  }

  @Test func listNamesEveryRuleOnce() {
    let text = RuleDocumentation.list()
    for rule in BuiltInRules.all {
      let lines = text.split(separator: "\n").filter {
        $0.split(separator: " ").first.map(String.init) == rule.description.id
      }
      #expect(lines.count == 1, "\(rule.description.id)")
    }
  }

  @Test func explainShowsOptionsAndExamples() throws {
    let rule = try #require(BuiltInRules.rule(id: "required-labels"))
    let text = RuleDocumentation.explain(rule.description)
    #expect(text.hasPrefix("required-labels: "))
    #expect(text.contains("labels (stringList, default [\"app.kubernetes.io/name\"])"))
    #expect(text.contains("Fails at `/metadata/labels/team`"))
  }
}
