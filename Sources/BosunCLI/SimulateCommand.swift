import ArgumentParser
import BosunCore
import BosunDiff
import BosunModel
import BosunOrchestrator
import Foundation

/// `bosun simulate PLAN.json --snapshot FILE`: rehearses a plan on a simulated copy of the
/// recorded cluster and reports whether the rollout completes, stalls or fails.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Rehearse a plan on a simulated copy of a recorded cluster.",
    discussion: """
      Seeds a simulated cluster from the recording (nodes, workloads, their ReplicaSets and \
      pods as they ran), applies the plan's steps in order with the controllers, the scheduler \
      and kubelets on a virtual clock, and reports each workload's rollout: when it completes or \
      why it stalls, how many replicas were unavailable, the surge, pods that found no node, \
      faults from the scenario, and the rollback. The same plan, snapshot and scenario give the \
      same report, byte for byte.

      Write the plan first: bosun plan k8s/ --snapshot cluster.yaml -o plan.json

      Exit codes:
        0   every step and every rollout completes
        2   a rollout stalls or fails, or an input could not be read
        64  usage error
      """)

  @Argument(help: "The plan written by `bosun plan ... -o plan.json`; `-` reads standard input.")
  var plan: String

  @Option(
    help:
      "A recording from `kubectl get ... -A -o yaml` or `-o json`, or a folder of them (repeatable)."
  )
  var snapshot: [String] = []

  @OptionGroup var rehearsal: RehearsalOptions

  @Option(name: [.short, .long], help: "Output format: text, json or html.")
  var format: SimulationFormat = .text

  @Option(
    name: [.short, .long],
    help: "Write the report to this file (atomically); the headline is still printed.")
  var output: String?

  @Option(
    help:
      "Explain where the scheduler put a pod, node by node: NAME, NAMESPACE/NAME, KIND/NAME or KIND/NAMESPACE/NAME of its workload."
  )
  var explain: String?

  @Option(
    help:
      "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: ColorChoice = .auto

  mutating func run() throws {
    guard !snapshot.isEmpty else {
      throw ValidationError("give the recorded cluster with --snapshot FILE")
    }
    let options = try rehearsal.simulationOptions()
    let plan = try Self.readPlan(plan)
    let recorded = try Self.readSnapshot(snapshot)
    let (report, explanation) = Rehearsal.run(
      plan: plan, snapshot: RehearsalOptions.resources(of: recorded), options: options,
      explaining: explain)
    KeepAlive.untilExit(recorded)

    let explained = explain.map { query in
      explanation.map(ExplanationTable.render) ?? ExplanationTable.notFound(query, report: report)
    }
    var text: String
    switch format {
    case .text:
      let colour = output == nil && color.enabled(for: STDOUT_FILENO)
      text = SimulationText.render(report, colour: colour)
      // The explanation follows the report it belongs to.
      if let explained { text += "\n" + explained }
    case .json: text = SimulationJSON.render(report)
    case .html: text = SimulationHTML.render(report)
    }
    if let output {
      try AtomicFile.write(text, to: output)
      FileHandle.standardOutput.write(Data((SimulationText.headline(report) + "\n").utf8))
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    // A JSON or HTML document stays a valid document; the explanation goes beside it.
    if format != .text, let explained { FileHandle.standardError.write(Data(explained.utf8)) }
    if report.verdict != .completes { throw ExitCode(2) }
  }

  /// Reads a plan file; problems are printed to standard error, and errors end the command with
  /// exit code 2.
  static func readPlan(_ path: String) throws -> RehearsalPlan {
    let file = try RehearsalOptions.readOneFile(
      path, expected: "the plan file written by `bosun plan ... -o FILE`")
    let plan = RehearsalPlan(bytes: file.bytes, file: file.name)
    StandardError.report(plan.diagnostics)
    if plan.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
    return plan
  }

  /// Reads the recorded cluster as `bosun diff` does; problems are printed to standard error,
  /// and errors end the command with exit code 2.
  static func readSnapshot(_ paths: [String]) throws -> Snapshot {
    let (files, problems) = InputCollector().collect(paths)
    let recorded = Snapshot(files: files.map { (name: $0.name, bytes: $0.bytes) })
    let found = problems + recorded.diagnostics
    StandardError.report(found)
    if found.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
    return recorded
  }
}

/// Output formats of `bosun simulate`.
enum SimulationFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, html
}
