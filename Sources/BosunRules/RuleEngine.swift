public import BosunCore
public import BosunModel
public import BosunYAML

/// Runs the enabled rules over a set of objects and turns their findings into diagnostics:
/// code = rule id, severity from the configuration or the rule, position through the object's
/// location index. Applies exemptions, annotation and inline suppressions, and reports
/// suppressions that name unknown rules or suppress nothing.
public struct RuleEngine: Sendable {
  /// `.bosun.yaml` settings.
  public var configuration: RuleConfiguration
  /// The rules it may run (enabled ones run).
  public var rules: [any Rule.Type]

  /// Creates an engine.
  public init(
    configuration: RuleConfiguration = RuleConfiguration(),
    rules: [any Rule.Type] = BuiltInRules.all
  ) {
    self.configuration = configuration
    self.rules = rules
  }

  /// Checks every object; `sources` (by file name) let inline `# bosun:ignore` comments work.
  /// Returns diagnostics in output order; the same input always gives the same output.
  public func check(_ resources: [Resource], sources: [String: SourceText] = [:]) -> [Diagnostic] {
    let enabled = rules.filter { configuration.isEnabled($0.description) }
    let context = RuleContext(resources: resources, externalNames: configuration.externalNames)
    let runs = enabled.map { rule in
      (
        rule: rule.init() as any Rule, description: rule.description,
        context: context.with(options: configuration.options(for: rule.description))
      )
    }
    var ledger = SuppressionLedger(
      resources: resources, sources: sources,
      isChecked: { !isIgnored(file: $0) })
    var diagnostics: [Diagnostic] = []
    for (index, object) in resources.enumerated() where isChecked(object) {
      for run in runs where Self.applies(run.description, to: object) {
        for finding in run.rule.check(object, in: run.context) {
          let id = run.description.id
          if configuration.exemptions.contains(where: {
            $0.covers(ruleID: id, object: object, pointer: finding.pointer)
          }) {
            continue
          }
          let diagnostic = object.diagnostic(
            configuration.severity(of: run.description) ?? finding.severity
              ?? run.description.severity,
            code: id, message: finding.message, at: finding.pointer, notes: finding.notes)
          if ledger.suppresses(diagnostic, ruleID: id, objectIndex: index) { continue }
          diagnostics.append(diagnostic)
        }
      }
    }
    let known = Set((BuiltInRules.all + rules).map { $0.description.id })
    diagnostics += ledger.problems(
      knownRuleIDs: known,
      isActive: { id, object in
        guard let rule = enabled.first(where: { $0.description.id == id }) else { return false }
        return object.map { Self.applies(rule.description, to: $0) } ?? true
      })
    return diagnostics.sorted(by: Self.outputOrder)
  }

  /// Whether a rule looks at an object's kind.
  public static func applies(_ rule: RuleDescription, to object: Resource) -> Bool {
    rule.kinds.isEmpty || rule.kinds.contains(object.identity.kind)
  }

  private func isChecked(_ object: Resource) -> Bool {
    object.identity.kind != "<no kind>" && !isIgnored(file: object.file)
  }

  private func isIgnored(file: String) -> Bool {
    configuration.ignore.contains { Glob.matchesPath($0, file) }
  }

  /// `Diagnostic.outputOrder`, then pointer and object, so ties never depend on input order.
  public static func outputOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    if Diagnostic.outputOrder(lhs, rhs) { return true }
    if Diagnostic.outputOrder(rhs, lhs) { return false }
    let l = (lhs.pointer?.description ?? "", lhs.object?.description ?? "")
    let r = (rhs.pointer?.description ?? "", rhs.object?.description ?? "")
    return l < r
  }
}
