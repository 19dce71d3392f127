import ArgumentParser
import BosunRules
import Foundation

/// `bosun rules`: lists the built-in rules, or explains one.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List the built-in rules, or explain one.",
    subcommands: [ListRules.self, ExplainRule.self],
    defaultSubcommand: ListRules.self)

  /// `bosun rules [list] [--format text|markdown]`.
  struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List every rule with its category, severity and summary.")

    /// How to print the list.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Option(name: [.short, .long], help: "text, or markdown (the source of docs/rules.md).")
    var format: Format = .text

    func run() throws {
      let text =
        format == .markdown ? RuleDocumentation.markdown() : RuleDocumentation.list()
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }

  /// `bosun rules explain ID`.
  struct ExplainRule: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "explain",
      abstract: "Print a rule's rationale, remediation, options and examples.")

    @Argument(help: "The rule id, e.g. no-latest-tag.")
    var id: String

    func run() throws {
      guard let rule = BuiltInRules.rule(id: id) else {
        throw ValidationError("no rule is called \(id); `bosun rules` lists them")
      }
      FileHandle.standardOutput.write(Data(RuleDocumentation.explain(rule.description).utf8))
    }
  }
}
