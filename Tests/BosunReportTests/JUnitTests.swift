import BosunCore
import BosunReport
import Testing

/// JUnit verdicts follow the objects' verdicts, not only the severities of their findings.
@Suite struct JUnitTests {
  static let config = ObjectReference(
    apiVersion: "v1", kind: "ConfigMap", namespace: "ns", name: "settings")
  static let warning = Diagnostic(
    .warning, code: "meta.missing-labels", message: "no app.kubernetes.io/name label",
    location: SourceLocation(file: "a.yaml", line: 3, column: 3), object: config)

  func render(status: ObjectStatus) -> String {
    JUnitRenderer().render(
      CheckReport(
        diagnostics: [Self.warning],
        objects: [
          ObjectResult(
            reference: Self.config, location: SourceLocation(file: "a.yaml", line: 1, column: 1),
            templateSource: nil, status: status, diagnostics: [Self.warning])
        ],
        summary: CheckSummary(
          files: 1, documents: 1, objects: [status: 1], emptyDocuments: 0, findings: [.warning: 1]),
        sources: [:], codes: [:], toolVersion: "0"))
  }

  @Test func warningsAloneDoNotFailAValidObject() {
    let xml = render(status: .valid)
    #expect(!xml.contains("<failure"))
    #expect(xml.contains("<system-out>a.yaml:3:3: warning: no app.kubernetes.io/name label"))
    #expect(xml.contains("tests=\"1\" failures=\"0\""))
  }

  @Test func anObjectInvalidByAStricterThresholdFails() {
    let xml = render(status: .invalid)
    #expect(xml.contains("<failure message=\"object is invalid\" type=\"status.invalid\">"))
    #expect(xml.contains("tests=\"1\" failures=\"1\""))
  }
}
