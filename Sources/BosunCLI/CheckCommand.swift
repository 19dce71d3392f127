import ArgumentParser
import BosunCore
import BosunReport
import Foundation

/// `bosun check PATH...`: reads manifests and reports every problem at its exact position.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check Kubernetes manifests: YAML, object identity, duplicates.",
    discussion: """
      Reads files, folders (recursively: .yaml, .yml, .json; hidden entries skipped) and `-` \
      for standard input. Multi-document streams, `kind: List`, JSON, and `helm template` \
      output (findings also name the `# Source:` template) are understood.

      Exit codes:
        0   nothing at or above --fail-on
        1   findings at or above --fail-on
        2   input could not be read or parsed, or no objects were found
        64  usage error
      """)

  @Argument(help: "Files or folders to check; `-` reads standard input.")
  var paths: [String] = []

  @Option(name: [.short, .long], help: "Output format: text, json, sarif, junit or github.")
  var format: ReportFormat = .text

  @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
  var output: String?

  @Flag(help: "Treat duplicate keys as errors.")
  var strict = false

  @Option(help: "Lowest severity that fails the run (exit 1): error, warning or info.")
  var failOn: Severity = .error

  @Flag(help: "Do not fail when no objects are found.")
  var allowEmpty = false

  @Option(name: .customLong("ignore"), help: "Skip paths matching this glob (repeatable; `*` also matches `/`).")
  var ignoreGlobs: [String] = []

  @Option(name: [.short, .long], help: "Namespace for namespaced objects that name none.")
  var namespace = "default"

  @Option(help: "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: ColorChoice = .auto

  @Flag(help: "Leave out the source lines under each finding in text output.")
  var noCodeFrames = false

  mutating func run() throws {
    guard !paths.isEmpty else {
      throw ValidationError("give at least one file or folder to check, or `-` for standard input")
    }
    let (files, problems) = InputCollector(ignoreGlobs: ignoreGlobs).collect(paths)
    var options = CheckPipeline.Options()
    options.strict = strict
    options.failOn = failOn
    options.allowEmpty = allowEmpty
    options.defaultNamespace = namespace
    let outcome = CheckPipeline(options: options).run(files, inputDiagnostics: problems)

    let colour = output == nil && color.enabled(for: STDOUT_FILENO)
    let text = format.render(
      outcome.report, textOptions: TextRenderer.Options(colour: colour, codeFrames: !noCodeFrames))
    if let output {
      try AtomicFile.write(text, to: output)
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
  }
}

/// When to colour text output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never

  /// Whether colour is on for a file descriptor: `auto` means a terminal and no `NO_COLOR`.
  func enabled(for descriptor: Int32) -> Bool {
    switch self {
    case .always: true
    case .never: false
    case .auto:
      isatty(descriptor) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
  }
}

extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
