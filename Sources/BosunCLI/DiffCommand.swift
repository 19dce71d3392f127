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

  @OptionGroup var inputs: DiffInputs

  @Option(name: [.short, .long], help: "Output format: text or json.")
  var format: DiffFormat = .text

  @Flag(help: "Print a plain unified diff of the normalised YAML instead.")
  var unified = false

  @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
  var output: String?

  @Option(
    help:
      "Objects on the cluster but not in the manifests to report as removed: none, applied (carrying last-applied-configuration, in the manifests' namespaces) or all."
  )
  var removed: DiffOptions.RemovedObjects = .none

  @Flag(help: "List unchanged objects too in text output.")
  var showUnchanged = false

  @Option(
    help:
      "Colour in text output: never (default), always, or auto (on a terminal, unless NO_COLOR is set)."
  )
  var color: ColorChoice = .never

  /// The annotation `kubectl apply` writes, which `--removed applied` looks for.
  private static let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

  mutating func run() throws {
    // Recorded objects the manifests do not hold are read whole only when they may be
    // reported as removed; the others need only identity and metadata.
    let alsoWhole: (@Sendable (Resource) -> Bool)? =
      switch removed {
      case .all: nil
      case .applied: { $0.node["metadata"]?["annotations"]?[Self.lastApplied] != nil }
      case .none: { _ in false }
      }
    let loaded = try inputs.load(alsoWhole: alsoWhole)
    var result = loaded.diff(removedObjects: removed)
    result.diagnostics += loaded.problems

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
    // The process ends right after this (see `KeepAlive`).
    KeepAlive.untilExit((loaded, result))
    if result.hasChanges { throw ExitCode(1) }
  }
}

/// Output formats of `bosun diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

extension DiffOptions.RemovedObjects: ExpressibleByArgument {}
