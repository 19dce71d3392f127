import ArgumentParser
import Foundation
import Testing

@testable import BosunCLI

/// `bosun simulate` on the recorded shop cluster of `fixtures/simulate`: the release's plan
/// rehearsed with a node failure and a drain, pinned by golden files in `Golden/`. Run with
/// `BOSUN_UPDATE_GOLDEN=1` to rewrite them (and `fixtures/simulate/plan.json`) after an
/// intended change.
@Suite struct SimulateCommandTests {
  let command = CommandTests()
  static let fixture = [
    "simulate", "fixtures/simulate/plan.json", "--snapshot", "fixtures/simulate/cluster.yaml",
    "--scenario", "fixtures/simulate/scenario.yaml",
  ]
  static var updating: Bool { ProcessInfo.processInfo.environment["BOSUN_UPDATE_GOLDEN"] == "1" }

  /// Compares `text` with a golden file, or rewrites the file when updating.
  func expectGolden(_ text: String, _ name: String) throws {
    let file = GoldenOutputTests.goldenDirectory.appendingPathComponent(name)
    if Self.updating {
      try Data(text.utf8).write(to: file)
      return
    }
    #expect(text == (try String(contentsOf: file, encoding: .utf8)), "\(name) differs")
  }

  func temporaryFile(_ name: String, _ text: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bosun-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  @Test func planFixtureIsTheCurrentPlanOfTheRelease() throws {
    let (exit, plan) = try command.run([
      "plan", "fixtures/simulate/release", "--snapshot", "fixtures/simulate/cluster.yaml",
    ])
    #expect(exit == 1)
    let file = repositoryRoot.appendingPathComponent("fixtures/simulate/plan.json")
    if Self.updating {
      try Data(plan.utf8).write(to: file)
      return
    }
    #expect(plan == (try String(contentsOf: file, encoding: .utf8)), "regenerate plan.json")
  }

  @Test func textReportMatchesGoldenFile() throws {
    let (exit, text) = try command.run(Self.fixture)
    // Every rollout completes before the faults strike it; the database pod on the failed node
    // stays Terminating, which the faults section and the timeline show.
    #expect(exit == 0)
    try expectGolden(text + "exit: \(exit)\n", "simulate-shop.text")
  }

  @Test func jsonReportMatchesGoldenFileAndIsDeterministic() throws {
    let first = try command.run(Self.fixture + ["--format", "json"])
    let second = try command.run(Self.fixture + ["-f", "json"])
    #expect(first.output == second.output)
    let document = try JSONSerialization.jsonObject(with: Data(first.output.utf8))
    #expect((document as? [String: Any])?["kind"] as? String == "BosunSimulation")
    try expectGolden(first.output, "simulate-shop.json")
  }

  @Test func htmlReportIsWrittenWholeAndSelfContained() throws {
    let (exit, html) = try command.run(Self.fixture + ["--format", "html"])
    #expect(exit == 0)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.hasSuffix("</html>\n"))
    #expect(html.contains("<svg"))
    // Opens offline from a CI artifact: nothing is fetched, nothing runs.
    for fetch in ["<script", "<link", "<img", "<iframe", "src=", "@import", "url(http", "http://"] {
      #expect(!html.contains(fetch), "the page refers to \(fetch)")
    }
    // The only references are to patterns defined on the page itself.
    #expect(!html.replacingOccurrences(of: "url(#", with: "").contains("url("))
  }

  @Test func explainShowsEveryNodeAndMarksTheChosenOne() throws {
    let (_, text) = try command.run(Self.fixture + ["--explain", "deployment/web"])
    let table = try #require(text.components(separatedBy: "Placement of pod ").last)
    #expect(table.contains("bound to node-b"))
    #expect(table.contains("* node-b"))
    #expect(table.contains("NodeUnschedulable: node(s) were unschedulable"))
    #expect(
      table.contains("TaintToleration: node(s) had untolerated taint(s) (dedicated=db:NoSchedule)"))
    #expect(table.contains("TAINT×3"))
  }

  @Test func explainingAnUnknownPodSaysSo() throws {
    let (_, text) = try command.run(Self.fixture + ["--explain", "shop/no-such-pod"])
    #expect(text.contains("No pod matches shop/no-such-pod at the end of the rehearsal"))
  }

  @Test func aRehearsalWithoutFaultsCompletes() throws {
    let (exit, text) = try command.run([
      "simulate", "fixtures/simulate/plan.json", "--snapshot", "fixtures/simulate/cluster.yaml",
      "--horizon", "30m", "--scoring", "most-allocated",
    ])
    #expect(exit == 0)
    #expect(text.hasPrefix("rollout completes in "))
    #expect(text.contains("of a 30m horizon, scoring MostAllocated"))
  }

  @Test func unreadableInputsExitTwo() throws {
    let snapshot = ["--snapshot", "fixtures/simulate/cluster.yaml"]
    #expect(try command.run(["simulate", "fixtures/simulate/missing.json"] + snapshot).exit == 2)
    // A recording is not a plan.
    #expect(try command.run(["simulate", "fixtures/simulate/cluster.yaml"] + snapshot).exit == 2)
    #expect(try command.run(["simulate", "fixtures/simulate"] + snapshot).exit == 2)
    let scenario = try temporaryFile(
      "scenario.yaml", "faults:\n  - {type: reboot, node: node-a, at: 1m}\n")
    let bad = try command.run(
      ["simulate", "fixtures/simulate/plan.json", "--scenario", scenario.path] + snapshot)
    #expect(bad.exit == 2)
    #expect(
      try command.run(["simulate", "fixtures/simulate/plan.json", "--snapshot", "nowhere.yaml"])
        .exit == 2)
  }

  @Test func usageErrors() {
    #expect(throws: (any Error).self) {
      try command.run(["simulate", "fixtures/simulate/plan.json"])
    }
    #expect(throws: (any Error).self) {
      try command.run(Self.fixture + ["--horizon", "soon"])
    }
    #expect(throws: (any Error).self) {
      try BosunCommand.parseAsRoot(Self.fixture + ["--format", "yaml"])
    }
    #expect(throws: (any Error).self) {
      try command.run([
        "plan", "fixtures/simulate/release", "--snapshot", "fixtures/simulate/cluster.yaml",
        "--scenario", "fixtures/simulate/scenario.yaml",
      ])
    }
  }

  @Test func horizonsAreSecondsOrGoDurations() {
    #expect(RehearsalOptions.seconds(parsing: "90") == 90)
    #expect(RehearsalOptions.seconds(parsing: "90s") == 90)
    #expect(RehearsalOptions.seconds(parsing: "30m") == 1800)
    #expect(RehearsalOptions.seconds(parsing: "1h") == 3600)
    #expect(RehearsalOptions.seconds(parsing: "1h30m") == 5400)
    #expect(RehearsalOptions.seconds(parsing: "1.5h") == 5400)
    #expect(RehearsalOptions.seconds(parsing: "250ms") == 0.25)
    for text in ["", "h", "1x", "1h30", "-5m", ".", "soon"] {
      #expect(RehearsalOptions.seconds(parsing: text) == nil, "\(text)")
    }
  }

  @Test func planWithSimulateRehearsesThePlanItBuilt() throws {
    let release = [
      "plan", "fixtures/simulate/release", "--snapshot", "fixtures/simulate/cluster.yaml",
      "--simulate",
    ]
    // A rehearsal that completes leaves the plan's own exit code; one that stalls exits 2.
    #expect(try command.run(release).exit == 1)
    #expect(try command.run(release + ["--scenario", try neverReady().path]).exit == 2)
  }

  @Test func aRolloutThatNeverBecomesReadyExitsTwo() throws {
    let (exit, text) = try command.run([
      "simulate", "fixtures/simulate/plan.json", "--snapshot", "fixtures/simulate/cluster.yaml",
      "--scenario", try neverReady().path, "--horizon", "20m",
    ])
    #expect(exit == 2)
    #expect(text.hasPrefix("rollout "))
    #expect(!text.hasPrefix("rollout completes"))
  }

  /// A scenario in which web's new image never passes its readiness probe.
  func neverReady() throws -> URL {
    try temporaryFile(
      "never-ready.yaml", "images:\n  \"registry.example.com/shop/web:1.5.0\": {neverReady: true}\n"
    )
  }

  @Test func helpMatchesGoldenFile() throws {
    let help = BosunCommand.helpMessage(for: SimulateCommand.self, columns: 100) + "\n"
    try expectGolden(help, "simulate-help.txt")
  }
}
