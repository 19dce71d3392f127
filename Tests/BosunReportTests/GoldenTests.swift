import BosunReport
import Testing

/// Every format renders the fixture exactly as its golden file says, byte for byte.
@Suite struct GoldenTests {
  let report = ReportFixture.report

  @Test func textWithCodeFrames() throws {
    try Golden.check(TextRenderer().render(report), against: "report.txt")
  }

  @Test func textWithoutCodeFrames() throws {
    let options = TextRenderer.Options(colour: false, codeFrames: false)
    try Golden.check(TextRenderer(options: options).render(report), against: "report-no-frames.txt")
  }

  @Test func textInColour() throws {
    let options = TextRenderer.Options(colour: true, codeFrames: true)
    try Golden.check(TextRenderer(options: options).render(report), against: "report-colour.txt")
  }

  @Test func json() throws {
    try Golden.check(JSONRenderer().render(report), against: "report.json")
  }

  @Test func sarif() throws {
    let renderer = SARIFRenderer()
    try Golden.check(renderer.render(report), against: "report.sarif")
  }

  @Test func junit() throws {
    try Golden.check(JUnitRenderer().render(report), against: "report.junit.xml")
  }

  @Test func github() throws {
    try Golden.check(GitHubRenderer().render(report), against: "report.github.txt")
  }

  @Test(arguments: ReportFormat.allCases)
  func sameReportSameBytes(format: ReportFormat) {
    #expect(format.render(report) == format.render(report))
  }

  @Test func noColourMeansNoEscapeCodes() {
    let plain = TextRenderer(options: .init(colour: false)).render(report)
    #expect(!plain.contains("\u{1B}"))
    let coloured = TextRenderer(options: .init(colour: true)).render(report)
    #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
  }
}
