import ArgumentParser
import Foundation
import Testing

@testable import BosunCLI

/// The command line itself: arguments, exit codes, `--output`.
@Suite struct CommandTests {
  init() {}

  /// Runs `bosun ARGS` in process with the report written to a temporary file.
  func run(_ arguments: [String]) throws -> (exit: Int32, output: String) {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("bosun-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: out) }
    let root = repositoryRoot.path + "/"
    var command = try BosunCommand.parseAsRoot(
      arguments.map { $0.hasPrefix("fixtures/") ? root + $0 : $0 } + ["-o", out.path])
    var code: Int32 = 0
    do {
      try command.run()
    } catch let exit as ExitCode {
      code = exit.rawValue
    }
    return (code, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
  }

  @Test func exitCodesFollowTheDocumentedTable() throws {
    #expect(try run(["check", "fixtures/example"]).exit == 0)
    #expect(try run(["check", "fixtures/helm/rendered.yaml"]).exit == 1)
    #expect(try run(["check", "fixtures/mixed"]).exit == 2)
    #expect(try run(["check", "fixtures/mixed/duplicate-key.yaml", "--fail-on", "warning"]).exit == 1)
    #expect(try run(["check", "fixtures/mixed/duplicate-key.yaml"]).exit == 0)
  }

  @Test func usageErrorsExitSixtyFour() {
    #expect(BosunCommand.exitCode(for: ValidationError("x")).rawValue == 64)
    #expect(throws: (any Error).self) { try BosunCommand.parseAsRoot(["check", "--format", "yaml", "x"]) }
  }

  @Test func outputFileIsReplacedWhole() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bosun-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(String(repeating: "old ", count: 10_000).utf8).write(to: file)
    try AtomicFile.write("{}\n", to: file.path)
    #expect(try String(contentsOf: file, encoding: .utf8) == "{}\n")
  }

  @Test func formatsAreSelectable() throws {
    #expect(try run(["check", "fixtures/example", "--format", "json"]).output.hasPrefix("{"))
    #expect(try run(["check", "fixtures/example", "-f", "junit"]).output.hasPrefix("<?xml"))
  }
}

/// Configuration, baselines and rule switches through the command line.
@Suite struct CommandConfigurationTests {
  let command = CommandTests()

  func temporaryFile(_ name: String, _ text: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bosun-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  /// Runs with `--format json` and returns the exit code and the diagnostic codes reported.
  func codes(_ arguments: [String]) throws -> (exit: Int32, codes: Set<String>) {
    let (exit, output) = try command.run(arguments + ["--format", "json"])
    let document = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
    let diagnostics = document?["diagnostics"] as? [[String: Any]] ?? []
    return (exit, Set(diagnostics.compactMap { $0["code"] as? String }))
  }

  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:latest
          securityContext: {privileged: true}
    """

  @Test func configurationTurnsRulesOffAndReportsItsOwnErrors() throws {
    let manifest = try temporaryFile("pod.yaml", Self.pod)
    let quiet = try temporaryFile(".bosun.yaml", "rules:\n  no-latest-tag: off\n")
    #expect(try !codes(["check", manifest.path, "--config", quiet.path]).codes.contains("no-latest-tag"))
    #expect(try codes(["check", manifest.path, "--no-config"]).codes.contains("no-latest-tag"))

    let broken = try temporaryFile(".bosun.yaml", "rules:\n  no-such-rule: off\n")
    let result = try codes(["check", manifest.path, "--config", broken.path])
    #expect(result.codes.contains("config.unknown-rule"))
    #expect(result.exit == 2)
  }

  @Test func baselineHidesRecordedFindingsOnly() throws {
    let manifest = try temporaryFile("pod.yaml", Self.pod)
    let baseline = manifest.deletingLastPathComponent().appendingPathComponent("baseline.json")
    let first = try codes(["check", manifest.path, "--no-config", "--fail-on", "warning", "--write-baseline", baseline.path])
    #expect(first.exit == 1)
    #expect(first.codes.contains("privileged-container"))
    let again = try codes(["check", manifest.path, "--no-config", "--fail-on", "warning", "--baseline", baseline.path])
    #expect(again.exit == 0)
    #expect(again.codes.isEmpty)
    // A new problem still shows.
    try Data((Self.pod + "\n  hostNetwork: true\n").utf8).write(to: manifest)
    let changed = try codes(["check", manifest.path, "--no-config", "--baseline", baseline.path])
    #expect(changed.codes == ["host-namespaces"])
  }

  @Test func podSecurityAndEnableSwitchOnOptInRules() throws {
    let manifest = try temporaryFile("pod.yaml", Self.pod)
    #expect(try !codes(["check", manifest.path, "--no-config"]).codes.contains("pod-security"))
    #expect(try codes(["check", manifest.path, "--no-config", "--pod-security", "restricted"]).codes.contains("pod-security"))
    #expect(try codes(["check", manifest.path, "--no-config", "--enable", "image-digest-pinning"]).codes.contains("image-digest-pinning"))
    #expect(try !codes(["check", manifest.path, "--no-config", "--disable", "no-latest-tag"]).codes.contains("no-latest-tag"))
    #expect(throws: (any Error).self) { try command.run(["check", manifest.path, "--enable", "no-such-rule"]) }
  }

  @Test func versionsAreValidated() throws {
    let manifest = try temporaryFile("pod.yaml", Self.pod)
    #expect(throws: (any Error).self) { try command.run(["check", manifest.path, "--kubernetes-version", "1.99"]) }
    #expect(throws: (any Error).self) { try command.run(["check", manifest.path, "--kubernetes-version", "one"]) }
    #expect(try command.run(["check", manifest.path, "--no-config", "--kubernetes-version", "1.25.3"]).exit == 0)
  }
}
