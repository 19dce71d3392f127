import BosunCore
import BosunReport
import Testing

/// The closing line counts everything, with nouns that agree with their numbers.
@Suite struct TextSummaryTests {
  @Test func singularAndPlural() {
    let one = CheckSummary(
      files: 1, documents: 1, objects: [.valid: 1], emptyDocuments: 1,
      findings: [.error: 1, .warning: 1, .info: 1])
    #expect(
      TextRenderer.summaryLine(one)
        == "1 file, 1 document, 1 object (1 valid, 0 invalid, 0 error, 0 skipped), 1 empty document; 1 error, 1 warning, 1 info"
    )
    let none = CheckSummary(files: 0, documents: 0, objects: [:], emptyDocuments: 0, findings: [:])
    #expect(
      TextRenderer.summaryLine(none)
        == "0 files, 0 documents, 0 objects (0 valid, 0 invalid, 0 error, 0 skipped), 0 empty documents; 0 errors, 0 warnings, 0 info"
    )
  }

  @Test func cleanRunIsOnlyTheSummary() {
    let report = CheckReport(
      diagnostics: [], objects: [],
      summary: CheckSummary(
        files: 2, documents: 3, objects: [.valid: 3], emptyDocuments: 0, findings: [:]),
      sources: [:], codes: [:], toolVersion: "0")
    #expect(
      TextRenderer().render(report)
        == "2 files, 3 documents, 3 objects (3 valid, 0 invalid, 0 error, 0 skipped), 0 empty documents; 0 errors, 0 warnings, 0 info\n"
    )
  }

  @Test func locationOfAnUnreadableFileIsJustItsName() {
    let d = Diagnostic(
      .error, code: "input.unreadable", message: "cannot read the file: permission denied",
      location: SourceLocation(file: "secret.yaml", line: 0, column: 0))
    #expect(
      TextRenderer().render(d, sources: [:])
        == "secret.yaml: error: cannot read the file: permission denied [input.unreadable]\n")
  }
}
