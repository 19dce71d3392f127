import ArgumentParser
import Foundation
import Testing

@testable import BosunCLI

/// `bosun diff` and `bosun plan` on the recorded shop cluster.
@Suite struct DiffAndPlanCommandTests {
  let command = CommandTests()
  let snapshot = "fixtures/snapshots/shop.yaml"

  @Test func manifestsRecordedAsTheyAreDiffToNothing() throws {
    #expect(try command.run(["diff", "fixtures/diff/shop", "--snapshot", snapshot]).exit == 0)
    #expect(try command.run(["plan", "fixtures/diff/shop", "--snapshot", snapshot]).exit == 0)
  }

  @Test func theNextReleaseIsAnOrderedPlan() throws {
    let root = repositoryRoot.path + "/"
    let (exit, output) = try command.run([
      "diff", "fixtures/diff/shop-release-2", "--snapshot", root + snapshot, "--format", "json",
    ])
    #expect(exit == 1)
    #expect(output.hasPrefix("{"))

    let planFile = FileManager.default.temporaryDirectory.appendingPathComponent("bosun-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: planFile) }
    var plan = try BosunCommand.parseAsRoot([
      "plan", root + "fixtures/diff/shop-release-2", "--snapshot", root + snapshot, "-o", planFile.path,
    ])
    #expect(throws: ExitCode(1)) { try plan.run() }
    let document = try JSONSerialization.jsonObject(with: Data(contentsOf: planFile)) as? [String: Any]
    let steps = document?["steps"] as? [[String: Any]] ?? []
    let names = steps.map { step -> String in
      let object = step["object"] as? [String: Any] ?? [:]
      return "\(step["action"] ?? "")) \(object["kind"] ?? "")/\(object["name"] ?? "")"
    }
    #expect(names.contains("update) Deployment/web"))
    // Configuration is in place before the workload that reads it rolls.
    let config = try #require(names.firstIndex(of: "update) ConfigMap/web-config"))
    let web = try #require(names.firstIndex(of: "update) Deployment/web"))
    #expect(config < web)
    let webStep = steps[web]
    let impacts = (webStep["impacts"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    #expect(impacts.contains("rolls-pods"))
    // Secret values stay out of the plan file.
    #expect(!(try String(contentsOf: planFile, encoding: .utf8)).contains("r0tated-Pa55"))
  }

  @Test func missingSnapshotIsAUsageError() {
    #expect(throws: (any Error).self) { try command.run(["plan", "fixtures/diff/shop"]) }
  }
}

/// `bosun snapshot merge` writes one recording that reads back as the same objects.
@Suite struct SnapshotMergeTests {
  let command = CommandTests()

  @Test func mergedRecordingDiffsToNothingAndIsDeterministic() throws {
    let root = repositoryRoot.path + "/"
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bosun-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var texts: [String] = []
    for name in ["a.yaml", "b.yaml"] {
      let out = dir.appendingPathComponent(name).path
      var merge = try BosunCommand.parseAsRoot([
        "snapshot", "merge", root + "fixtures/snapshots/shop.yaml",
        root + "fixtures/snapshots/shop-config.json", "-o", out,
      ])
      try merge.run()
      texts.append(try String(contentsOfFile: out, encoding: .utf8))
    }
    #expect(texts[0] == texts[1])
    #expect(texts[0].hasPrefix("apiVersion: v1\nitems:\n"))
    let diff = try command.run([
      "diff", "fixtures/diff/shop", "--snapshot", dir.appendingPathComponent("a.yaml").path,
    ])
    #expect(diff.exit == 0)
  }
}
