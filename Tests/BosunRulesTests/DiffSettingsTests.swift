import BosunRules
import Testing

/// `.bosun.yaml` also carries the fields `bosun diff` and `bosun plan` leave out.
@Suite struct DiffSettingsTests {
  @Test func diffIgnoreIsReadAndCheckedForShape() {
    let (configuration, problems) = RuleConfiguration.parse(
      Array("diff:\n  ignore: [\"Deployment:/spec/replicas\", \"*:/metadata/labels/team\"]\n".utf8),
      file: ".bosun.yaml")
    #expect(problems.isEmpty)
    #expect(configuration.diffIgnore == ["Deployment:/spec/replicas", "*:/metadata/labels/team"])

    let (_, wrong) = RuleConfiguration.parse(
      Array("diff:\n  ignored: []\n  \n".utf8), file: ".bosun.yaml")
    #expect(wrong.map(\.code) == ["config.unknown-key"])
    #expect(wrong.first?.location?.line == 2)
  }
}
