import ArgumentParser
import Foundation
import Testing

@testable import BosunCLI

/// The command line itself: arguments, exit codes, `--output`.
@Suite struct CommandTests {
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
