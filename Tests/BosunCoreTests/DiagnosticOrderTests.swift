import BosunCore
import Testing

/// Output is deterministic: file, line, column, then code.
@Suite struct DiagnosticOrderTests {
  @Test func sortsByPositionThenCode() {
    func d(_ file: String, _ line: Int, _ column: Int, _ code: String) -> Diagnostic {
      Diagnostic(.error, code: code, message: "m", location: SourceLocation(file: file, line: line, column: column))
    }
    let sorted = [d("b.yaml", 1, 1, "a"), d("a.yaml", 2, 1, "z"), d("a.yaml", 2, 1, "b"), d("a.yaml", 1, 9, "c")]
      .sorted(by: Diagnostic.outputOrder)
    #expect(sorted.map(\.code) == ["c", "b", "z", "a"])
  }

  @Test func severityOrder() {
    #expect(Severity.info < .warning)
    #expect(Severity.warning < .error)
  }
}
