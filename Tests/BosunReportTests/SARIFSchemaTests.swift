import BosunCore
import BosunReport
import Foundation
import Testing

/// Validates SARIF output against the official 2.1.0 schema with `ci/validate-sarif.sh`.
///
/// The schema is not in the repository and the suite must pass offline, so this runs only when
/// `BOSUN_SARIF_SCHEMA` names a schema file and `python3` has `jsonschema`; otherwise the test is
/// reported as skipped. To get the schema: `ci/validate-sarif.sh --export-schema FILE`.
@Suite struct SARIFSchemaTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var schemaPath: String? {
    guard let path = ProcessInfo.processInfo.environment["BOSUN_SARIF_SCHEMA"], !path.isEmpty,
      FileManager.default.fileExists(atPath: path)
    else { return nil }
    return path
  }

  static var validatorAvailable: Bool {
    guard schemaPath != nil else { return false }
    return (try? run(["python3", "-c", "import jsonschema"]).status) == 0
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  static let emptyReport = CheckReport(
    diagnostics: [], objects: [],
    summary: CheckSummary(files: 0, documents: 0, objects: [:], emptyDocuments: 0, findings: [:]),
    sources: [:], codes: [:], toolVersion: "0")

  @Test(
    .enabled(
      if: validatorAvailable,
      "set BOSUN_SARIF_SCHEMA to the SARIF 2.1.0 schema and install jsonschema for python3"),
    arguments: ["fixture", "hostile", "empty"])
  func sarifIsValidAgainstTheOfficialSchema(name: String) throws {
    let reports = [
      "fixture": ReportFixture.report, "hostile": EscapingTests.hostileReport,
      "empty": Self.emptyReport,
    ]
    let report = try #require(reports[name])
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("bosun-\(name)-\(UUID().uuidString).sarif")
    defer { try? FileManager.default.removeItem(at: file) }
    let sarif = SARIFRenderer().render(report)
    try Data(sarif.utf8).write(to: file)
    let script = Self.repositoryRoot.appendingPathComponent("ci/validate-sarif.sh").path
    let result = try Self.run(["bash", script, file.path])
    #expect(result.status == 0, "\(result.output)")
  }
}
