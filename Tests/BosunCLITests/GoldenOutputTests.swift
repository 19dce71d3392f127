import ArgumentParser
@testable import BosunCLI
import BosunReport
import Foundation
import Testing

/// The whole `bosun check` output on the bundled fixtures, in every format, pinned by golden
/// files in `Golden/`. Run with `BOSUN_UPDATE_GOLDEN=1` to rewrite them after an intended change.
@Suite struct GoldenOutputTests {
  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static let scenarios: [(name: String, paths: [String])] = [
    ("mixed", ["fixtures/mixed"]),
    ("example", ["fixtures/example"]),
    ("helm", ["fixtures/helm/rendered.yaml"]),
  ]

  @Test(arguments: ReportFormat.allCases)
  func fixturesMatchGoldenFiles(format: ReportFormat) throws {
    for scenario in Self.scenarios {
      let outcome = checkPaths(scenario.paths)
      // The exit code is pinned beside the human-readable output only, so the machine formats
      // stay valid documents that ci/validate-sarif.sh and other tools can read as they are.
      let rendered =
        format.render(outcome.report) + (format == .text ? "exit: \(outcome.exitCode)\n" : "")
      let file = Self.goldenDirectory.appendingPathComponent("\(scenario.name).\(format.rawValue)")
      if ProcessInfo.processInfo.environment["BOSUN_UPDATE_GOLDEN"] == "1" {
        try Data(rendered.utf8).write(to: file)
        continue
      }
      let expected = try String(contentsOf: file, encoding: .utf8)
      #expect(rendered == expected, "\(scenario.name).\(format.rawValue) differs from its golden file")
    }
  }
}

/// `--help` is part of the interface: pinned word for word.
@Suite struct HelpTextTests {
  static let commands: [String: any ParsableCommand.Type] = [
    "check": CheckCommand.self, "diff": DiffCommand.self, "plan": PlanCommand.self,
    "rules": RulesCommand.self,
  ]

  @Test(arguments: ["check", "diff", "plan", "rules"])
  func helpMatchesGoldenFile(command: String) throws {
    let type = try #require(Self.commands[command])
    let help = BosunCommand.helpMessage(for: type, columns: 100) + "\n"
    let file = GoldenOutputTests.goldenDirectory.appendingPathComponent("\(command)-help.txt")
    if ProcessInfo.processInfo.environment["BOSUN_UPDATE_GOLDEN"] == "1" {
      try Data(help.utf8).write(to: file)
      return
    }
    #expect(help == (try String(contentsOf: file, encoding: .utf8)))
  }
}
