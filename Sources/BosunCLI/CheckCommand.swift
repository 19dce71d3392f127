import ArgumentParser
import BosunCore
import BosunReport
import BosunRules
import BosunSchema
import Foundation

/// `bosun check PATH...`: reads manifests and reports every problem at its exact position.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check Kubernetes manifests: YAML, objects, API schemas and rules.",
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

  @Flag(help: "Treat duplicate keys and unknown fields as errors.")
  var strict = false

  @Option(
    name: .customLong("kubernetes-version"),
    help: "Validate against this Kubernetes version, e.g. 1.31 or 1.31.4 (repeatable; default: the newest bundled).")
  var kubernetesVersions: [String] = []

  @Option(help: "Warn about APIs that are no longer served by this Kubernetes version.")
  var targetVersion: String?

  @Option(name: .customLong("crd"), help: "File or folder of CustomResourceDefinitions to validate custom resources against (repeatable).")
  var crdPaths: [String] = []

  @Flag(help: "A custom resource with no schema is an error, not a warning.")
  var requireSchemas = false

  @Flag(help: "Skip validation against the Kubernetes API schemas.")
  var noSchemas = false

  @Flag(help: "Skip the rules.")
  var noRules = false

  @Option(help: "Read rule settings from this file instead of the nearest .bosun.yaml.")
  var config: String?

  @Flag(help: "Ignore any .bosun.yaml.")
  var noConfig = false

  @Option(name: .customLong("enable"), help: "Enable a rule, opt-in ones included (repeatable).")
  var enabledRules: [String] = []

  @Option(name: .customLong("disable"), help: "Disable a rule (repeatable).")
  var disabledRules: [String] = []

  @Option(help: "Check the Pod Security Standards level: baseline or restricted.")
  var podSecurity: String?

  @Option(help: "Report only findings that are not in this baseline file.")
  var baseline: String?

  @Option(help: "Record the current findings in this baseline file.")
  var writeBaseline: String?

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
    var options = CheckPipeline.Options()
    options.strict = strict
    options.failOn = failOn
    options.allowEmpty = allowEmpty
    options.defaultNamespace = namespace
    options.schemas = !noSchemas
    options.rules = !noRules
    options.requireSchemas = requireSchemas
    options.kubernetesVersions = try kubernetesVersions.map(Self.version)
    options.targetVersion = try targetVersion.map(Self.version)

    var problems: [Diagnostic] = []
    var ignore = ignoreGlobs
    if !noConfig, let path = config ?? RuleConfiguration.find(from: FileManager.default.currentDirectoryPath) {
      let (configuration, found) = RuleConfiguration.load(path: path)
      options.ruleConfiguration = configuration
      ignore += configuration.ignore
      problems += found
    }
    for id in enabledRules + disabledRules where BuiltInRules.rule(id: id) == nil {
      throw ValidationError("no rule is called \(id); `bosun rules` lists them")
    }
    for id in enabledRules { options.ruleConfiguration.setEnabled(true, rule: id) }
    for id in disabledRules { options.ruleConfiguration.setEnabled(false, rule: id) }
    if let podSecurity {
      guard ["baseline", "restricted"].contains(podSecurity) else {
        throw ValidationError("--pod-security takes baseline or restricted")
      }
      options.ruleConfiguration.rules["pod-security", default: .init()].enabled = true
      options.ruleConfiguration.rules["pod-security", default: .init()].options["level"] =
        .string(podSecurity)
    }

    if !crdPaths.isEmpty {
      let (crdFiles, crdProblems) = InputCollector().collect(crdPaths)
      options.crdFiles = crdFiles
      problems += crdProblems
    }
    if let baseline {
      let bytes = FileManager.default.contents(atPath: baseline).map { [UInt8]($0) }
      guard let bytes else {
        throw ValidationError("cannot read the baseline file \(baseline)")
      }
      let (parsed, found) = Baseline.parse(bytes, file: baseline)
      options.baseline = parsed
      problems += found
    }

    let (files, inputProblems) = InputCollector(ignoreGlobs: ignore).collect(paths)
    let outcome = CheckPipeline(options: options).run(files, inputDiagnostics: problems + inputProblems)
    if let writeBaseline {
      try AtomicFile.write(
        Baseline(recording: outcome.report.diagnostics, resources: outcome.resources).jsonText,
        to: writeBaseline)
    }

    let colour = output == nil && color.enabled(for: STDOUT_FILENO)
    let text = format.render(
      outcome.report, textOptions: TextRenderer.Options(colour: colour, codeFrames: !noCodeFrames))
    if let output {
      try AtomicFile.write(text, to: output)
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    // The process ends right after this; freeing every node of a large input one by one costs
    // more than parsing it did, so the outcome is deliberately kept alive until exit.
    KeepAlive.untilExit(outcome)
    if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
  }
}

extension CheckCommand {
  /// Parses a Kubernetes version and checks that schemas for it are bundled.
  static func version(_ text: String) throws -> KubernetesVersion {
    guard let version = KubernetesVersion(text) else {
      throw ValidationError("\(text) is not a Kubernetes version; write it like 1.31 or 1.31.4")
    }
    if let catalog = try? SchemaCatalog.bundled(), !catalog.versions.contains(version) {
      throw ValidationError(
        "no schemas are bundled for Kubernetes \(version); bundled: \(catalog.versions)")
    }
    return version
  }
}

/// Keeps a large result alive until the process exits: freeing a big tree node by node just
/// before exiting costs more than parsing it did.
enum KeepAlive {
  private final class Box<T> {
    let value: T
    init(_ value: T) { self.value = value }
  }

  /// Leaks `value` on purpose; the operating system reclaims it at exit.
  static func untilExit<T>(_ value: T) { _ = Unmanaged.passRetained(Box(value)) }
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
