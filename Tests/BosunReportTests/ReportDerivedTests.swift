import BosunCore
import BosunReport
import Testing

/// What the formats derive from a report: the files to list and a rule for every finding.
@Suite struct ReportDerivedTests {
  func report(diagnostics: [Diagnostic], codes: [String: CodeInfo]) -> CheckReport {
    CheckReport(
      diagnostics: diagnostics, objects: [],
      summary: CheckSummary(files: 0, documents: 0, objects: [:], emptyDocuments: 0, findings: [:]),
      sources: [:], codes: codes, toolVersion: "0")
  }

  @Test func everyFindingHasADescribedCode() {
    let found = Diagnostic(.warning, code: "b.undescribed", message: "m")
    let described = CodeInfo(code: "a.described", summary: "s", defaultSeverity: .error)
    let codes = report(diagnostics: [found], codes: ["a.described": described]).describedCodes
    #expect(codes.map(\.code) == ["a.described", "b.undescribed"])
    #expect(
      codes.last
        == CodeInfo(code: "b.undescribed", summary: "b.undescribed", defaultSeverity: .warning))
  }

  @Test func theDictionaryKeyIsTheCode() {
    let mislabelled = CodeInfo(code: "other", summary: "s", defaultSeverity: .info)
    let codes = report(diagnostics: [], codes: ["right": mislabelled]).describedCodes
    #expect(codes.map(\.code) == ["right"])
  }

  @Test func mentionedFilesIncludeNotePositionsOnceEachSorted() {
    let d = Diagnostic(
      .error, code: "c", message: "m", location: SourceLocation(file: "b.yaml", line: 1, column: 1),
      notes: [.init("here", at: SourceLocation(file: "a.yaml", line: 2, column: 1)), .init("hint")])
    let twice = report(diagnostics: [d, d], codes: [:])
    #expect(twice.mentionedFiles == ["a.yaml", "b.yaml"])
  }
}
