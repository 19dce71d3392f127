import BosunCore
import BosunModel
import BosunRules
import BosunYAML
import Foundation

/// The repository root, found from this file's path (Tests/BosunRulesTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// Parses manifests and runs an engine over them, as `bosun check` will.
struct Checked {
  var resources: [Resource]
  var diagnostics: [Diagnostic]

  init(
    _ text: String, file: String = "manifest.yaml",
    configuration: RuleConfiguration = RuleConfiguration(),
    rules: [any Rule.Type] = BuiltInRules.all
  ) {
    let stream = YAMLParser.parse(Array(text.utf8), file: file)
    var set = ManifestSet()
    set.add(stream)
    resources = set.resources
    diagnostics = RuleEngine(configuration: configuration, rules: rules).check(
      set.resources, sources: [file: stream.source])
  }

  /// (code, pointer) pairs, in output order.
  var codes: [String] { diagnostics.map(\.code) }

  /// `code pointer` or `code line:column`, for compact expectations.
  var summary: [String] {
    diagnostics.map {
      "\($0.code) \($0.pointer?.description ?? "-") \($0.location.map { "\($0.line):\($0.column)" } ?? "-")"
    }
  }
}

/// A configuration that turns on exactly these rules (opt-in ones too).
func only(_ ids: String..., options: [String: [String: Value]] = [:]) -> RuleConfiguration {
  var configuration = RuleConfiguration()
  for rule in BuiltInRules.all {
    configuration.setEnabled(ids.contains(rule.description.id), rule: rule.description.id)
  }
  for (id, values) in options { configuration.rules[id]?.options = values }
  return configuration
}
