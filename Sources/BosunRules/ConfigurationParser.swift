import BosunCore
import BosunYAML

/// Reads `.bosun.yaml` through the YAML layer, so each problem carries its line and column.
///
/// Codes: `config.syntax`, `config.unknown-key`, `config.unknown-rule`, `config.unknown-option`,
/// `config.invalid-type`, `config.invalid-value`.
struct ConfigurationParser {
  let file: String
  let rules: [any Rule.Type]
  private var diagnostics: [Diagnostic] = []

  init(file: String, rules: [any Rule.Type]) {
    self.file = file
    self.rules = rules
  }

  func parse(_ bytes: [UInt8]) -> (configuration: RuleConfiguration, diagnostics: [Diagnostic]) {
    var parser = self
    let configuration = parser.read(bytes)
    return (configuration, parser.diagnostics.sorted(by: Diagnostic.outputOrder))
  }

  private mutating func read(_ bytes: [UInt8]) -> RuleConfiguration {
    var configuration = RuleConfiguration()
    let stream = YAMLParser.parse(bytes, file: file, duplicateKeySeverity: .error)
    for problem in stream.diagnostics {
      report("config.syntax", problem.message, at: problem.mark)
    }
    guard let root = stream.documents.first?.root, !root.isNull else { return configuration }
    guard let pairs = root.pairs else {
      report("config.invalid-type", "the configuration must be a mapping of settings", at: root)
      return configuration
    }
    for pair in pairs {
      let value = pair.value
      switch pair.key.keyString {
      case "rules": configuration.rules = readRules(value)
      case "ignore": configuration.ignore = strings(value, what: "ignore") ?? []
      case "exemptions":
        guard let items = list(value, what: "exemptions") else { break }
        configuration.exemptions = items.compactMap { readExemption($0) }
      case "externalNames": configuration.externalNames = readExternalNames(value)
      case "diff":
        guard let settings = mapping(value, what: "diff") else { break }
        for setting in settings {
          if setting.key.keyString == "ignore" {
            configuration.diffIgnore = strings(setting.value, what: "diff.ignore") ?? []
          } else {
            report(
              "config.unknown-key",
              "unknown diff setting \"\(setting.key.keyString)\"; expected ignore", at: setting.key)
          }
        }
      default:
        report(
          "config.unknown-key",
          "unknown setting \"\(pair.key.keyString)\"; expected rules, ignore, exemptions, externalNames or diff",
          at: pair.key)
      }
    }
    return configuration
  }

  // MARK: - rules

  private mutating func readRules(_ node: Node) -> [String: RuleConfiguration.RuleSetting] {
    guard let pairs = mapping(node, what: "rules") else { return [:] }
    var result: [String: RuleConfiguration.RuleSetting] = [:]
    for pair in pairs {
      let id = pair.key.keyString
      guard let rule = rules.first(where: { $0.description.id == id }) else {
        report("config.unknown-rule", "unknown rule \"\(id)\"; \(hint(id))", at: pair.key)
        continue
      }
      result[id] = readSetting(pair.value, rule: rule.description)
    }
    return result
  }

  private func hint(_ id: String) -> String {
    RuleIDSuggestion.hint(for: id, among: rules.map { $0.description.id })
  }

  private mutating func readSetting(
    _ node: Node, rule: RuleDescription
  ) -> RuleConfiguration.RuleSetting {
    var setting = RuleConfiguration.RuleSetting()
    // Shorthand: `id: off`, `id: on`, or `id: warning` (which also turns the rule on).
    if node.pairs == nil, !node.isNull {
      if case .bool(let on) = node.resolved {
        setting.enabled = on
      } else if let text = node.scalarText, let severity = Severity(rawValue: text) {
        setting.enabled = true
        setting.severity = severity
      } else {
        report(
          "config.invalid-type",
          "rules.\(rule.id) must be on, off, a severity (error, warning, info) or a mapping with enabled, severity and options",
          at: node)
      }
      return setting
    }
    guard let pairs = mapping(node, what: "rules.\(rule.id)") else { return setting }
    for pair in pairs {
      let value = pair.value
      switch pair.key.keyString {
      case "enabled":
        if case .bool(let b) = value.resolved {
          setting.enabled = b
        } else {
          report("config.invalid-type", "enabled must be true or false", at: value)
        }
      case "severity":
        if let text = value.scalarText, let severity = Severity(rawValue: text) {
          setting.severity = severity
        } else {
          report("config.invalid-value", "severity must be error, warning or info", at: value)
        }
      case "options":
        setting.options = readOptions(value, rule: rule)
      default:
        report(
          "config.unknown-key",
          "unknown setting \"\(pair.key.keyString)\" for rule \(rule.id); expected enabled, severity or options",
          at: pair.key)
      }
    }
    return setting
  }

  private mutating func readOptions(_ node: Node, rule: RuleDescription) -> [String: Value] {
    guard let pairs = mapping(node, what: "options") else { return [:] }
    var result: [String: Value] = [:]
    for pair in pairs {
      let name = pair.key.keyString
      guard let option = rule.options.first(where: { $0.name == name }) else {
        let known = rule.options.map(\.name).joined(separator: ", ")
        report(
          "config.unknown-option",
          "rule \(rule.id) has no option \"\(name)\""
            + (known.isEmpty ? "; it takes none" : "; it takes \(known)"), at: pair.key)
        continue
      }
      let value = pair.value.toValue()
      if Self.value(value, fits: option.kind, node: pair.value) {
        result[name] = value
      } else {
        report(
          "config.invalid-type",
          "option \(name) of rule \(rule.id) must be \(Self.describe(option.kind))",
          at: pair.value)
      }
    }
    return result
  }

  static func value(_ value: Value, fits kind: RuleOption.Kind, node: Node? = nil) -> Bool {
    switch (kind, value) {
    case (.bool, .bool), (.int, .int), (.string, .string): return true
    case (.stringList, .array(let items)): return items.allSatisfy { $0.stringValue != nil }
    default: return false
    }
  }

  static func describe(_ kind: RuleOption.Kind) -> String {
    switch kind {
    case .bool: "true or false"
    case .int: "an integer"
    case .string: "a string"
    case .stringList: "a list of strings"
    }
  }

  // MARK: - exemptions and external names

  private mutating func readExemption(_ node: Node) -> Exemption? {
    guard let pairs = mapping(node, what: "an exemption") else { return nil }
    var exemption = Exemption()
    for pair in pairs {
      let value = pair.value
      switch pair.key.keyString {
      case "rules":
        let ids = strings(value, what: "rules") ?? []
        for (index, id) in ids.enumerated()
        where !rules.contains(where: { $0.description.id == id }) {
          report(
            "config.unknown-rule", "unknown rule \"\(id)\"; \(hint(id))",
            at: value[index] ?? value)
        }
        exemption.rules = ids
      case "kind": exemption.kind = string(value, what: "kind")
      case "namespace": exemption.namespace = string(value, what: "namespace")
      case "name": exemption.name = string(value, what: "name")
      case "container": exemption.container = string(value, what: "container")
      default:
        report(
          "config.unknown-key",
          "unknown exemption field \"\(pair.key.keyString)\"; expected rules, kind, namespace, name or container",
          at: pair.key)
      }
    }
    return exemption
  }

  private mutating func readExternalNames(_ node: Node) -> ExternalNames {
    guard let pairs = mapping(node, what: "externalNames") else { return ExternalNames() }
    var names: [String: Set<String>] = [:]
    for pair in pairs {
      let key = pair.key.keyString
      guard let kind = ExternalNames.kindsByKey.first(where: { $0.key == key })?.kind else {
        let known = ExternalNames.kindsByKey.map(\.key).joined(separator: ", ")
        report(
          "config.unknown-key", "unknown externalNames entry \"\(key)\"; expected one of \(known)",
          at: pair.key)
        continue
      }
      names[kind, default: []].formUnion(strings(pair.value, what: key) ?? [])
    }
    return ExternalNames(names)
  }

  // MARK: - typed reads

  private mutating func mapping(_ node: Node, what: String) -> [Pair]? {
    if node.isNull { return [] }
    guard let pairs = node.pairs else {
      report("config.invalid-type", "\(what) must be a mapping", at: node)
      return nil
    }
    return pairs
  }

  private mutating func list(_ node: Node, what: String) -> [Node]? {
    if node.isNull { return [] }
    guard let items = node.items else {
      report("config.invalid-type", "\(what) must be a list", at: node)
      return nil
    }
    return items
  }

  private mutating func strings(_ node: Node, what: String) -> [String]? {
    guard let items = list(node, what: what) else { return nil }
    var result: [String] = []
    for item in items {
      if let text = string(item, what: "each entry of \(what)") { result.append(text) }
    }
    return result
  }

  private mutating func string(_ node: Node, what: String) -> String? {
    guard node.items == nil, node.pairs == nil, !node.isNull, let text = node.scalarText else {
      report("config.invalid-type", "\(what) must be a string", at: node)
      return nil
    }
    return text
  }

  private mutating func report(_ code: String, _ message: String, at node: Node) {
    report(code, message, at: node.mark)
  }

  private mutating func report(_ code: String, _ message: String, at mark: Mark) {
    diagnostics.append(
      Diagnostic(
        .error, code: code, message: message,
        location: SourceLocation(file: file, line: Int(mark.line), column: Int(mark.column))))
  }
}
