import ArgumentParser
import BosunCore
import BosunDiff
import Foundation

/// `bosun snapshot merge A B... -o cluster.yaml`: one recording from several.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Work with cluster recordings (`kubectl get ... -A -o yaml` output).",
    subcommands: [Merge.self])

  /// Combines recordings; a later copy of the same object wins.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Combine recordings into one `kind: List`, a later copy of an object winning.",
      discussion: """
        Exit codes: 0 written; 2 a recording could not be read; 64 usage error. The output is \
        written atomically (a temporary file, then a rename).
        """)

    @Argument(help: "Recordings (YAML or JSON, files or folders), in order of precedence.")
    var recordings: [String] = []

    @Option(name: [.short, .long], help: "The file to write.")
    var output: String

    func run() throws {
      guard !recordings.isEmpty else { throw ValidationError("give the recordings to merge") }
      let (files, problems) = InputCollector().collect(recordings)
      let snapshot = Snapshot(files: files.map { (name: $0.name, bytes: $0.bytes) })
      let all = (problems + snapshot.diagnostics).sorted(by: Diagnostic.outputOrder)
      StandardError.report(all)
      if all.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
      try AtomicFile.write(snapshot.listYAML(), to: output)
      StandardError.say("\(snapshot.objects.count) objects written to \(output)")
    }
  }
}
