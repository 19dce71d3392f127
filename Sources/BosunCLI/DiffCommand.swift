import ArgumentParser
import BosunCore
import BosunDiff
import BosunModel
import BosunSchema
import BosunYAML
import Foundation

/// `bosun diff PATH... --snapshot FILE`: what applying the manifests would change on a
/// recorded cluster, field by field, offline.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what applying manifests would change on a recorded cluster snapshot.",
    discussion: """
      Record the cluster once, for example:
        kubectl get $(kubectl api-resources --verbs=list -o name | paste -sd, -) -A -o yaml > cluster.yaml

      Both sides are normalised (server-owned fields stripped, API defaults of the Kubernetes \
      version applied, quantities compared by value). Objects whose recorded copy carries \
      kubectl.kubernetes.io/last-applied-configuration are compared three-way, so a field \
      removed from the manifest is a removal. Secret values are never printed.

      Exit codes:
        0   no changes
        1   changes
        2   input or snapshot could not be read or parsed
        64  usage error
      """)

  @Argument(help: "Manifest files or folders; `-` reads standard input.")
  var paths: [String] = []

  @Option(
    help:
      "A recording from `kubectl get ... -A -o yaml` or `-o json`, or a folder of them (repeatable)."
  )
  var snapshot: [String] = []

  @Option(
    help: "Kubernetes version whose defaults and schemas apply (default: the newest bundled).")
  var kubernetesVersion: String?

  @Option(name: [.short, .long], help: "Output format: text or json.")
  var format: DiffFormat = .text

  @Flag(help: "Print a plain unified diff of the normalised YAML instead.")
  var unified = false

  @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
  var output: String?

  @Flag(help: "Report fields set on the cluster but absent from the manifests as removals (drift).")
  var drift = false

  @Option(
    help:
      "Objects on the cluster but not in the manifests to report as removed: none, applied (carrying last-applied-configuration, in the manifests' namespaces) or all."
  )
  var removed: DiffOptions.RemovedObjects = .none

  @Option(
    name: .customLong("ignore-field"),
    help:
      "Leave a field out of the comparison: KIND[/NAME | /NAMESPACE/NAME]:POINTER, `*` for any kind or list item (repeatable), e.g. Deployment:/spec/replicas."
  )
  var ignoreFields: [String] = []

  @Flag(help: "List unchanged objects too in text output.")
  var showUnchanged = false

  @Option(
    name: .customLong("ignore"),
    help: "Skip manifest paths matching this glob (repeatable; `*` also matches `/`).")
  var ignore: [String] = []

  @Option(name: [.short, .long], help: "Namespace for namespaced objects that name none.")
  var namespace: String = "default"

  @Option(
    help:
      "Colour in text output: never (default), always, or auto (on a terminal, unless NO_COLOR is set)."
  )
  var color: ColorChoice = .never

  mutating func run() throws {
    guard !paths.isEmpty else {
      throw ValidationError("give at least one manifest file or folder, or `-` for standard input")
    }
    guard !snapshot.isEmpty else {
      throw ValidationError("give the recorded cluster with --snapshot FILE")
    }
    let catalog = try? SchemaCatalog.bundled()
    let version =
      try kubernetesVersion.map(CheckCommand.version)
      ?? catalog?.newestVersion ?? KubernetesVersion(minor: 31)

    var problems: [Diagnostic] = []
    let (manifestFiles, manifestProblems) = InputCollector(ignoreGlobs: ignore).collect(paths)
    problems += manifestProblems
    var manifests = ManifestSet(defaultNamespace: namespace)
    for file in manifestFiles {
      let stream = YAMLParser.parse(file.bytes, file: file.name)
      problems += stream.diagnostics.map { CheckPipeline.diagnostic($0, file: file.name) }
      manifests.add(stream)
    }
    problems += manifests.diagnostics
    if manifests.resources.isEmpty {
      problems.append(
        Diagnostic(
          .error, code: "input.no-objects",
          message: "no Kubernetes objects were found in \(paths.joined(separator: ", "))"))
    }
    let (snapshotFiles, snapshotProblems) = InputCollector().collect(snapshot)
    problems += snapshotProblems
    let recorded = Snapshot(files: snapshotFiles.map { (name: $0.name, bytes: $0.bytes) })
    problems += recorded.diagnostics

    let errors = problems.filter { $0.severity == .error }
    for problem in problems.sorted(by: Diagnostic.outputOrder) {
      let at = problem.location.map { "\($0): " } ?? ""
      FileHandle.standardError.write(
        Data("\(at)\(problem.severity): [\(problem.code)] \(problem.message)\n".utf8))
    }
    if !errors.isEmpty { throw ExitCode(2) }

    let ignoreRules = try ignoreFields.map { text in
      guard let rule = IgnoreRule(parsing: text) else {
        throw ValidationError(
          "--ignore-field \(text) is not KIND[/NAME | /NAMESPACE/NAME]:POINTER, e.g. Deployment:/spec/replicas"
        )
      }
      return rule
    }
    let options = DiffOptions(
      kubernetesVersion: version, ignoreRules: ignoreRules,
      liveOnlyFields: drift ? .report : .keep, removedObjects: removed)
    var result = ManifestDiffer(options: options, catalog: catalog)
      .diff(desired: manifests.resources, snapshot: recorded)
    result.diagnostics += problems

    let text: String
    if unified {
      text = UnifiedDiffRenderer.render(result)
    } else {
      switch format {
      case .json: text = DiffJSONRenderer.render(result)
      case .text:
        let colour = output == nil && color.enabled(for: STDOUT_FILENO)
        text = DiffTextRenderer(colour: colour, showUnchanged: showUnchanged).render(result)
      }
    }
    if let output {
      try AtomicFile.write(text, to: output)
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    if result.hasChanges { throw ExitCode(1) }
  }
}

/// Output formats of `bosun diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

extension DiffOptions.RemovedObjects: ExpressibleByArgument {}
