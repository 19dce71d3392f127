import ArgumentParser
import BosunCore
import BosunDiff
import BosunModel
import BosunOrchestrator
import Foundation

/// What `bosun simulate` and `bosun plan --simulate` both take to set up a rehearsal: the
/// scenario, the horizon and the scheduler's scoring.
struct RehearsalOptions: ParsableArguments {
  @Option(
    help: "A scenario file (YAML or JSON): how images behave, faults (node-failure, drain), seed.")
  var scenario: String?

  @Option(
    help:
      "Simulated time after which the rehearsal stops, settled or not: seconds or a duration such as 90s, 30m, 1h (default 1h)."
  )
  var horizon: String?

  @Option(help: "How the scheduler scores nodes: least-allocated (default) or most-allocated.")
  var scoring: ScoringChoice?

  /// Whether any rehearsal option was given (plan refuses them without `--simulate`).
  var isSet: Bool { scenario != nil || horizon != nil || scoring != nil }

  /// The options of the run; a scenario that cannot be read is reported on standard error and
  /// ends the command with exit code 2.
  func simulationOptions() throws -> Simulation.Options {
    var options = Simulation.Options()
    if let horizon {
      guard let seconds = Self.seconds(parsing: horizon), seconds > 0 else {
        throw ValidationError(
          "--horizon \(horizon) is not a duration; write seconds or a duration such as 90s, 30m, 1h"
        )
      }
      options.horizon = seconds
    }
    options.scoring = (scoring ?? .leastAllocated).strategy
    if let scenario {
      let file = try Self.readOneFile(scenario, expected: "one scenario file")
      do {
        options.knobs = try ScenarioKnobs(bytes: file.bytes, file: file.name)
      } catch {
        StandardError.report([error.diagnostic])
        throw ExitCode(2)
      }
    }
    return options
  }

  /// Reads one file named on the command line (or `-`); a folder, or a file that cannot be read,
  /// is reported and ends the command with exit code 2.
  static func readOneFile(_ path: String, expected: String) throws -> (name: String, bytes: [UInt8])
  {
    let (files, problems) = InputCollector().collect([path])
    StandardError.report(problems)
    if problems.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
    guard files.count == 1, let file = files.first else {
      StandardError.report([
        Diagnostic(
          .error, code: "input.unreadable", message: "\(path) is a folder; give \(expected)")
      ])
      throw ExitCode(2)
    }
    return (file.name, file.bytes)
  }

  /// The recorded objects in key order, so that the rehearsal does not depend on reading order.
  static func resources(of snapshot: Snapshot) -> [Resource] {
    snapshot.objects.sorted { $0.key < $1.key }.map(\.value)
  }

  /// Seconds from `90`, or a duration as scenario files write it (`90s`, `1m30s`, `1.5h`).
  static func seconds(parsing text: String) -> Double? {
    if let plain = Double(text), plain.isFinite, plain >= 0 { return plain }
    return ScenarioDuration.seconds(parsing: text)
  }
}

/// The scheduler's NodeResourcesFit scoring, as the command line spells it.
enum ScoringChoice: String, ExpressibleByArgument, CaseIterable {
  case leastAllocated = "least-allocated"
  case mostAllocated = "most-allocated"

  /// The strategy the simulated scheduler runs.
  var strategy: ScoringStrategy {
    switch self {
    case .leastAllocated: .leastAllocated
    case .mostAllocated: .mostAllocated
    }
  }
}
