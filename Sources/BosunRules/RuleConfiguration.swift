public import BosunCore
import Foundation

/// What `.bosun.yaml` says: which rules run, at which severity, with which options; which
/// paths and objects are left alone; which referenced objects live outside the input.
///
/// ```yaml
/// rules:
///   required-labels:            # or a shorthand: on, off, error, warning, info
///     enabled: true
///     severity: error
///     options: {labels: [team]}
///   service-target-port: off
/// ignore: ["vendor/*", "*.generated.yaml"]
/// exemptions:
///   - {rules: [secret-reference], kind: Deployment, namespace: "kube-*", container: sidecar}
/// externalNames:
///   secrets: [tls-cert, shop/db-password]
/// ```
public struct RuleConfiguration: Sendable {
  /// The settings of one rule under `rules.<id>`.
  public struct RuleSetting: Sendable, Equatable {
    /// `enabled:`; nil keeps the rule's default (on, or off for opt-in rules).
    public var enabled: Bool?
    /// `severity:`; nil keeps the rule's own.
    public var severity: Severity?
    /// `options:`, already checked against the rule's declared options.
    public var options: [String: Value]

    /// Creates a setting.
    public init(enabled: Bool? = nil, severity: Severity? = nil, options: [String: Value] = [:]) {
      self.enabled = enabled
      self.severity = severity
      self.options = options
    }
  }

  /// The configuration file's name, looked up from the working directory upwards.
  public static let fileName = ".bosun.yaml"

  /// Per-rule settings, by rule id.
  public var rules: [String: RuleSetting]
  /// Path globs (fnmatch against the path as given and its base name) whose objects are not
  /// checked; they still count as context for cross-object rules.
  public var ignore: [String]
  /// Findings never reported for matching objects.
  public var exemptions: [Exemption]
  /// Objects that exist outside the input.
  public var externalNames: ExternalNames
  /// Fields `bosun diff` and `bosun plan` leave out of the comparison, each
  /// `KIND[/NAME | /NAMESPACE/NAME]:POINTER` (`diff: {ignore: [...]}` in the file).
  public var diffIgnore: [String] = []

  /// The empty configuration: every rule at its defaults.
  public init(
    rules: [String: RuleSetting] = [:], ignore: [String] = [], exemptions: [Exemption] = [],
    externalNames: ExternalNames = ExternalNames()
  ) {
    self.rules = rules
    self.ignore = ignore
    self.exemptions = exemptions
    self.externalNames = externalNames
  }

  /// Whether a rule runs: its `enabled:` setting, else on unless it is opt-in.
  public func isEnabled(_ rule: RuleDescription) -> Bool {
    rules[rule.id]?.enabled ?? !rule.optIn
  }

  /// The severity a rule's findings get.
  public func severity(of rule: RuleDescription) -> Severity? { rules[rule.id]?.severity }

  /// A rule's options: configured values over the declared defaults.
  public func options(for rule: RuleDescription) -> RuleOptions {
    var values: [String: Value] = [:]
    for option in rule.options { values[option.name] = option.defaultValue }
    for (name, value) in rules[rule.id]?.options ?? [:] { values[name] = value }
    return RuleOptions(values)
  }

  /// Turns a rule on or off, as `--enable` and `--disable` do.
  public mutating func setEnabled(_ enabled: Bool, rule id: String) {
    rules[id, default: RuleSetting()].enabled = enabled
  }

  /// The nearest `.bosun.yaml` in `directory` or one of its parents, or nil.
  public static func find(from directory: String) -> String? {
    var url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
    while true {
      let candidate = url.appendingPathComponent(fileName).path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }

  /// Reads and parses a configuration file; an unreadable file is a `config.unreadable` error.
  public static func load(
    path: String, rules: [any Rule.Type] = BuiltInRules.all
  ) -> (configuration: RuleConfiguration, diagnostics: [Diagnostic]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      return (
        RuleConfiguration(),
        [
          Diagnostic(
            .error, code: "config.unreadable",
            message: "cannot read the configuration file \(path)",
            location: SourceLocation(file: path, line: 1, column: 1))
        ]
      )
    }
    return ConfigurationParser(file: path, rules: rules).parse([UInt8](data))
  }

  /// Parses configuration text; every problem comes back positioned, with a `config.*` code.
  public static func parse(
    _ bytes: [UInt8], file: String, rules: [any Rule.Type] = BuiltInRules.all
  ) -> (configuration: RuleConfiguration, diagnostics: [Diagnostic]) {
    ConfigurationParser(file: file, rules: rules).parse(bytes)
  }
}
