import BosunCLI
import BosunCore
import Foundation
import Testing

/// The bad-input catalogue: each case gives a positioned diagnostic and the documented exit code
/// within a second, with no crash, and a good document beside it is still checked.
@Suite struct BadInputCatalogueTests {
  static let good = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n"

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var code: String
    var line: Int?
    var exitCode: Int32
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    var bomb = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
      bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
      previous = name
    }
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
    var junk: [UInt8] = []
    var state: UInt32 = 2_463_534_242
    for _ in 0..<2048 {  // xorshift: fixed junk, so the expected code is stable
      state ^= state << 13
      state ^= state >> 17
      state ^= state << 5
      junk.append(UInt8(truncatingIfNeeded: state))
    }
    return [
      Case(name: "empty file", bytes: [], code: "input.empty-file", line: 1, exitCode: 2),
      Case(name: "comments only", bytes: Array("# nothing\n# at all\n".utf8), code: "input.empty-file", line: 1, exitCode: 2),
      Case(name: "binary junk", bytes: junk, code: "yaml.encoding", line: 1, exitCode: 2),
      Case(name: "invalid UTF-8", bytes: Array("apiVersion: v1\nkind: \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8), code: "yaml.encoding", line: 2, exitCode: 2),
      Case(name: "tab indentation", bytes: Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n".utf8), code: "yaml.tab", line: 4, exitCode: 2),
      Case(name: "unclosed quote", bytes: Array("apiVersion: v1\nkind: \"ConfigMap\nmetadata: {}\n".utf8), code: "yaml.syntax", line: 4, exitCode: 2),
      Case(name: "alias bomb", bytes: Array(bomb.utf8), code: "yaml.alias-expansion", line: 6, exitCode: 2),
      Case(name: "10,000-deep nesting", bytes: Array(deep.utf8), code: "yaml.too-deep", line: 1, exitCode: 2),
      Case(name: "duplicate keys", bytes: Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n".utf8), code: "yaml.duplicate-key", line: 5, exitCode: 0),
    ]
  }()

  @Test(arguments: cases)
  func reportsWithPositionAndExitCode(_ input: Case) throws {
    let started = Date()
    var options = CheckPipeline.Options()
    options.allowEmpty = false
    let outcome = CheckPipeline(options: options).run([
      InputFile(name: "bad.yaml", bytes: input.bytes),
      InputFile(name: "good.yaml", bytes: Array(Self.good.utf8)),
    ])
    #expect(Date().timeIntervalSince(started) < 1)
    let found = try #require(outcome.report.diagnostics.first { $0.code == input.code }, "no \(input.code)")
    #expect(found.location?.line == input.line)
    if input.code == "input.empty-file" {
      // Beside a good file the run passes; alone, the input has no objects at all.
      #expect(outcome.exitCode == 0)
      let alone = CheckPipeline().run([InputFile(name: "bad.yaml", bytes: input.bytes)])
      #expect(alone.report.diagnostics.map(\.code).contains("input.no-objects"))
      #expect(alone.exitCode == input.exitCode)
    } else {
      #expect(outcome.exitCode == input.exitCode)
      #expect(outcome.report.objects.contains { $0.reference?.name == "good" })
    }
  }

  @Test func symlinkLoopAndUnreadableFileAreReportedByTheCommand() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bosun-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(Self.good.utf8).write(to: dir.appendingPathComponent("good.yaml"))
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("again").path, withDestinationPath: dir.path)
    let (files, problems) = InputCollector().collect([dir.path, dir.appendingPathComponent("missing.yaml").path])
    let outcome = CheckPipeline().run(files, inputDiagnostics: problems)
    #expect(Set(outcome.report.diagnostics.map(\.code)) == ["input.symlink-loop", "input.not-found"])
    #expect(outcome.exitCode == 2)
  }
}
