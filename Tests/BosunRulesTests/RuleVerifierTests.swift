import BosunCore
import BosunModel
import BosunRules
import Testing

/// A rule whose failing example expects the wrong pointer.
private struct MispointedRule: Rule {
  static let description = RuleDescription(
    id: "test-mispointed", summary: "reports metadata", rationale: "test", remediation: "test",
    category: .metadata, severity: .warning,
    examples: [
      .passing("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"),
      .failing("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n", at: "/metadata/name"),
    ])
  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    object.identity.kind == "ConfigMap" ? [Finding(at: "/metadata", "found")] : []
  }
}

/// A rule that depends on how YAML was written (plain scalars), so its JSON variant differs.
private struct StyleDependentRule: Rule {
  static let description = RuleDescription(
    id: "test-style-dependent", summary: "reports plain names", rationale: "test",
    remediation: "test", category: .metadata, severity: .warning,
    examples: [
      .passing("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"c\"\n"),
      .failing("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n", at: "/metadata/name"),
    ])
  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    object.node["metadata"]?["name"]?.style == .plain
      ? [Finding(at: "/metadata/name", "plain")] : []
  }
}

/// A rule that reports on objects other than the one it was given would break suppression.
private struct LineCountingRule: Rule {
  static let description = RuleDescription(
    id: "test-line-counting", summary: "reports by line", rationale: "test", remediation: "test",
    category: .metadata, severity: .warning,
    examples: [
      .passing("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"),
      .failing("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n", at: "/metadata/name"),
    ])
  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    // Only finds the object when it starts on line 1: wrong on purpose.
    object.node.mark.line == 1 && object.identity.kind == "ConfigMap"
      ? [Finding(at: "/metadata/name", "line one")] : []
  }
}

@Suite struct RuleVerifierTests {
  @Test func wrongPointerIsShownUnderTheSource() throws {
    let failures = RuleVerifier(MispointedRule.self).verify()
    let failure = try #require(failures.first)
    #expect(failures.count == 1)
    #expect(failure.variant == "example")
    #expect(failure.report.contains("4 |   name: c\n  |   ^ expected ConfigMap/c /metadata/name"))
    #expect(failure.report.contains("3 | metadata:\n  | ^ found ConfigMap/c /metadata"))
  }

  @Test func styleDependentRuleFailsTheJSONVariant() {
    #expect(RuleVerifier(StyleDependentRule.self).verify().map(\.variant) == ["as-json"])
  }

  @Test func positionDependentRuleFailsTheShiftedVariant() {
    let variants = RuleVerifier(LineCountingRule.self).verify().map(\.variant)
    #expect(variants.contains("after-another-document"))
    #expect(variants.contains("as-json") == false)
  }
}
