import BosunCore
import BosunRules
import Foundation
import Testing

/// `.bosun.yaml` is read with positions, and its settings steer the engine.
@Suite struct ConfigurationTests {
  static func parse(_ text: String) -> (RuleConfiguration, [String]) {
    let (configuration, diagnostics) = RuleConfiguration.parse(
      Array(text.utf8), file: ".bosun.yaml")
    return (
      configuration, diagnostics.map { "\($0.code) \($0.location!.line):\($0.location!.column)" }
    )
  }

  @Test func readsEverySetting() throws {
    let (configuration, problems) = Self.parse(
      """
      rules:
        required-labels:
          enabled: true
          severity: error
          options:
            labels: [team, app.kubernetes.io/name]
        service-selects-pods:
          enabled: false
      ignore: ["vendor/*", "*.generated.yaml"]
      exemptions:
        - rules: [secret-reference]
          kind: Deployment
          namespace: kube-*
          name: agent
          container: sidecar
      externalNames:
        secrets: [tls-cert, shop/db]
        configMaps: [feature-flags]
      """)
    #expect(problems == [])
    let required = try #require(BuiltInRules.rule(id: "required-labels")).description
    #expect(configuration.isEnabled(required))
    #expect(configuration.severity(of: required) == .error)
    #expect(
      configuration.options(for: required).strings("labels", default: []) == [
        "team", "app.kubernetes.io/name",
      ])
    let selects = try #require(BuiltInRules.rule(id: "service-selects-pods")).description
    #expect(!configuration.isEnabled(selects))
    #expect(configuration.ignore == ["vendor/*", "*.generated.yaml"])
    #expect(
      configuration.exemptions == [
        Exemption(
          rules: ["secret-reference"], kind: "Deployment", namespace: "kube-*", name: "agent",
          container: "sidecar")
      ])
    #expect(
      configuration.externalNames.contains(kind: "Secret", name: "tls-cert", namespace: "any"))
    #expect(configuration.externalNames.contains(kind: "Secret", name: "db", namespace: "shop"))
    #expect(!configuration.externalNames.contains(kind: "Secret", name: "db", namespace: "staging"))
  }

  @Test func problemsArePositioned() {
    let (_, problems) = Self.parse(
      """
      rules:
        required-labels:
          severity: fatal
          enabled: "yes please"
          colour: red
          options:
            labels: team
            depth: 3
        no-such-rule: {}
      ignore: vendor
      exemptions:
        - rules: [made-up]
          team: payments
      externalNames:
        widgets: [a]
      extra: 1
      """)
    #expect(
      problems == [
        "config.invalid-value 3:15", "config.invalid-type 4:14", "config.unknown-key 5:5",
        "config.invalid-type 7:15", "config.unknown-option 8:7", "config.unknown-rule 9:3",
        "config.invalid-type 10:9", "config.unknown-rule 12:13", "config.unknown-key 13:5",
        "config.unknown-key 15:3", "config.unknown-key 16:1",
      ])
  }

  @Test func syntaxErrorsArePositioned() {
    #expect(Self.parse("rules: [\n").1.first?.hasPrefix("config.syntax") == true)
    #expect(Self.parse("- a\n").1 == ["config.invalid-type 1:1"])
    #expect(Self.parse("").1 == [])
  }

  @Test func foundUpwardsFromAFolder() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bosun-config-\(UUID().uuidString)")
    let nested = root.appendingPathComponent("a/b")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(RuleConfiguration.find(from: nested.path) == nil)
    try "rules: {}\n".write(
      to: root.appendingPathComponent(".bosun.yaml"), atomically: true, encoding: .utf8)
    let found = try #require(RuleConfiguration.find(from: nested.path))
    #expect(found == root.appendingPathComponent(".bosun.yaml").standardizedFileURL.path)
    let (_, problems) = RuleConfiguration.load(path: found)
    #expect(problems == [])
  }
}

extension ConfigurationTests {
  @Test func shorthandSettings() throws {
    let (configuration, problems) = Self.parse(
      """
      rules:
        default-namespace: on
        service-selects-pods: off
        secret-reference: warning
        pvc-reference: sometimes
      """)
    #expect(problems == ["config.invalid-type 5:18"])
    let ids = ["default-namespace", "service-selects-pods", "secret-reference"]
    let rules = try ids.map { try #require(BuiltInRules.rule(id: $0)).description }
    #expect(rules.map(configuration.isEnabled) == [true, false, true])
    #expect(configuration.severity(of: rules[2]) == .warning)
  }

  @Test func unknownRuleSuggestsTheNearestId() {
    let (_, diagnostics) = RuleConfiguration.parse(
      Array("rules:\n  secret-refrence: off\n  totally-different: off\n".utf8), file: "c")
    #expect(diagnostics.map(\.code) == ["config.unknown-rule", "config.unknown-rule"])
    #expect(diagnostics.first?.message.hasSuffix("did you mean secret-reference?") == true)
    #expect(diagnostics.last?.message.hasSuffix("did you mean secret-reference?") == false)
  }
}
