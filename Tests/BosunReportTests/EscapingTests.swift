import BosunCore
import Foundation
import Testing

@testable import BosunReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Text from manifests reaches every format; none of it may break the format or the terminal.
@Suite struct EscapingTests {
  /// A message with everything that has a meaning somewhere: XML markup, GitHub's command
  /// separators and escapes, JSON quotes, line breaks, a terminal escape and a NUL.
  static let hostile =
    "a<b>&\"c\" 'd' 100% ]]> :: , \\ \r\n::error::injected\t\u{1B}[31mred\u{0} \u{2028}end ウ"

  static let hostileReport = CheckReport(
    diagnostics: [
      Diagnostic(
        .error, code: "x.y", message: hostile,
        location: SourceLocation(file: "dir/a b,c:d%.yaml", line: 1, column: 1),
        pointer: JSONPointer(tokens: [.key("a/b~c")]),
        object: ObjectReference(
          apiVersion: "v1", kind: "ConfigMap", namespace: "n<s>", name: "a&b"),
        templateSource: "t\"s", notes: [.init(hostile)])
    ],
    objects: [
      ObjectResult(
        reference: ObjectReference(
          apiVersion: "v1", kind: "ConfigMap", namespace: "n<s>", name: "a&b"),
        location: SourceLocation(file: "dir/a b,c:d%.yaml", line: 1, column: 1),
        templateSource: nil, status: .invalid, diagnostics: [])
    ],
    summary: CheckSummary(
      files: 1, documents: 1, objects: [.invalid: 1], emptyDocuments: 0, findings: [.error: 1]),
    sources: [:], codes: [:], toolVersion: "0")

  // MARK: - GitHub workflow commands

  @Test func githubDataEscapesPercentAndLineBreaks() {
    #expect(GitHubRenderer.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
  }

  @Test func githubPropertiesAlsoEscapeColonAndComma() {
    #expect(GitHubRenderer.escapeProperty("dir/a b,c:d%.yaml") == "dir/a b%2Cc%3Ad%25.yaml")
  }

  @Test func githubFindingStaysOneCommandWhateverTheMessage() {
    let output = GitHubRenderer().render(Self.hostileReport)
    #expect(output.split(separator: "\n").count == 1)
    #expect(!output.dropLast().contains("\r"))
    #expect(output.hasPrefix("::error file=dir/a b%2Cc%3Ad%25.yaml,line=1,col=1,title=x.y::a<b>"))
  }

  @Test func githubOmitsPositionItDoesNotHave() {
    let d = Diagnostic(
      .warning, code: "c", message: "m",
      location: SourceLocation(file: "f.yaml", line: 0, column: 0))
    #expect(GitHubRenderer().command(d) == "::warning file=f.yaml,title=c::m\n")
    #expect(
      GitHubRenderer().command(Diagnostic(.info, code: "c", message: "m"))
        == "::notice title=c::m\n")
  }

  // MARK: - XML

  @Test func xmlAttributesEscapeMarkupQuotesAndWhitespace() {
    #expect(
      JUnitRenderer.attribute("a<b>&\"c\" 'd'\n\t\r")
        == "\"a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;&#10;&#9;&#13;\"")
  }

  @Test func xmlTextReplacesCharactersXMLCannotCarry() {
    #expect(
      JUnitRenderer.text("a\u{0}b\u{1B}c\u{FFFF}]]>\nd") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}]]&gt;\nd")
  }

  #if canImport(FoundationXML) || canImport(Darwin)
    @Test func junitIsWellFormedXMLWhateverTheMessage() {
      for report in [Self.hostileReport, ReportFixture.report] {
        let parser = XMLParser(data: Data(JUnitRenderer().render(report).utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
      }
    }
  #endif

  // MARK: - JSON and SARIF

  @Test func jsonStringsEscapeQuotesBackslashesAndControls() {
    #expect(
      Value.jsonQuoted("a\"b\\c\n\t\u{1}\u{1B}\u{2028}ウ")
        == "\"a\\\"b\\\\c\\n\\t\\u0001\\u001b\\u2028ウ\"")
  }

  @Test func jsonParsesBackWithTheMessageIntact() throws {
    let text = JSONRenderer().render(Self.hostileReport)
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let diagnostics = try #require(parsed["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.first?["message"] as? String == Self.hostile)
    #expect(diagnostics.first?["pointer"] as? String == "/a~1b~0c")
  }

  @Test func sarifParsesBackWithTheMessageIntact() throws {
    let text = SARIFRenderer().render(Self.hostileReport)
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let run = try #require((parsed["runs"] as? [[String: Any]])?.first)
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    let message = try #require((result["message"] as? [String: Any])?["text"] as? String)
    #expect(message == Self.hostile + "\nnote: " + Self.hostile)
  }

  @Test func sarifURIsArePercentEncodedAndRelativeToSourceRoot() {
    #expect(SARIFRenderer.artifactURI("k8s/a b.yaml") == ("k8s/a%20b.yaml", "%SRCROOT%"))
    #expect(SARIFRenderer.artifactURI("dir/ü#1?.yaml") == ("dir/%C3%BC%231%3F.yaml", "%SRCROOT%"))
    #expect(SARIFRenderer.artifactURI("a:b.yaml") == ("a%3Ab.yaml", "%SRCROOT%"))
    #expect(SARIFRenderer.artifactURI("k8s\\win.yaml") == ("k8s/win.yaml", "%SRCROOT%"))
    #expect(SARIFRenderer.artifactURI("/srv/k8s/x.yaml") == ("file:///srv/k8s/x.yaml", nil))
    #expect(SARIFRenderer.artifactURI("C:\\k8s\\x.yaml") == ("file:///C:/k8s/x.yaml", nil))
    #expect(SARIFRenderer.artifactURI("-") == ("-", nil))
  }

  @Test func sarifFindingWithoutPositionHasNoRegion() throws {
    let d = Diagnostic(
      .error, code: "input.unreadable", message: "cannot read the file",
      location: SourceLocation(file: "gone.yaml", line: 0, column: 0))
    let report = CheckReport(
      diagnostics: [d], objects: [],
      summary: CheckSummary(
        files: 1, documents: 0, objects: [:], emptyDocuments: 0, findings: [.error: 1]),
      sources: [:], codes: [:], toolVersion: "0")
    let text = SARIFRenderer().render(report)
    #expect(text.contains("\"uri\": \"gone.yaml\""))
    #expect(!text.contains("region"))
    #expect(!text.contains("informationUri"))
  }

  // MARK: - Text

  @Test func textNeverPassesTerminalEscapesThrough() {
    let output = TextRenderer(options: .init(colour: false)).render(Self.hostileReport)
    #expect(!output.contains("\u{1B}"))
    #expect(!output.contains("\u{0}"))
    #expect(output.contains("dir/a b,c:d%.yaml:1:1: error: a<b>&"))
  }
}
