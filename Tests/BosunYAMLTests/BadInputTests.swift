import Foundation
import Testing

@testable import BosunYAML

/// Hostile and broken input gives a positioned diagnostic quickly, never a crash or a hang, and
/// the documents around the broken one are still read.
@Suite struct BadInputTests {
  @Test func emptyAndCommentOnlyInputsHaveNoDocuments() {
    #expect(parse("").documents.isEmpty)
    #expect(parse("# just a comment\n# another\n").documents.isEmpty)
    #expect(parse("").diagnostics.isEmpty)
  }

  @Test func tabIndentationIsNamed() throws {
    let stream = parse("a:\n\tb: 1\n")
    let diagnostic = try #require(stream.diagnostics.first)
    #expect(diagnostic.code == "yaml.tab")
    #expect(diagnostic.mark.pair == [2, 1])
  }

  @Test func invalidUTF8IsPositioned() throws {
    let stream = parse(bytes: Array("a: 1\nb: x".utf8) + [0xFF, 0xFE] + Array("\n".utf8))
    let diagnostic = try #require(stream.diagnostics.first)
    #expect(diagnostic.code == "yaml.encoding")
    #expect(diagnostic.mark.pair == [2, 5])
  }

  @Test func unclosedQuoteIsPositionedAndLaterDocumentsSurvive() throws {
    let stream = parse("a: 1\n---\nb: \"open\nc: 2\n---\nd: 4\n")
    let diagnostic = try #require(stream.diagnostics.first)
    #expect(diagnostic.code == "yaml.syntax")
    #expect(diagnostic.mark.line == 5)
    #expect(diagnostic.notes.contains { $0.mark?.pair == [3, 4] })
    #expect(stream.documents.map { $0.root.pairs?.first?.key.scalarText } == ["a", "d"])
    #expect(stream.documents.map(\.index) == [0, 2])
  }

  @Test func brokenDocumentInTheMiddleResumesAtTheNextMarker() throws {
    let stream = parse("a: 1\n---\nb:\n  c: 1\n d: 2\n---\ne: 5\n")
    #expect(stream.diagnostics.map(\.code) == ["yaml.syntax"])
    #expect(stream.diagnostics[0].mark.pair == [5, 2])
    #expect(stream.diagnostics[0].notes.contains { $0.message.contains("resumed at line 6") })
    #expect(stream.documents.count == 2)
    #expect(stream.documents[1].root.pair("e")?.key.mark.pair == [7, 1])
  }

  @Test func errorWithNoLaterMarkerSaysTheRestWasNotChecked() throws {
    let stream = parse("a: [1, 2\n")
    let diagnostic = try #require(stream.diagnostics.first)
    #expect(diagnostic.notes.contains { $0.message.contains("could not be checked") })
  }

  @Test func aliasBombIsStoppedQuickly() throws {
    var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
      previous = name
    }
    text += "---\nafter: ok\n"
    let started = Date()
    let stream = parse(text)
    #expect(Date().timeIntervalSince(started) < 1)
    #expect(stream.diagnostics.map(\.code) == ["yaml.alias-expansion"])
    #expect(stream.documents.count == 1)
    #expect(stream.documents[0].root.pair("after") != nil)
  }

  @Test func deepNestingIsRefusedWithoutRecursion() throws {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\nok: 1\n"
    let started = Date()
    let stream = parse(text)
    #expect(Date().timeIntervalSince(started) < 1)
    #expect(stream.diagnostics.map(\.code) == ["yaml.too-deep"])
    #expect(stream.diagnostics[0].mark.pair == [1, 1001])
    #expect(stream.documents.count == 1)
  }

  @Test func binaryJunkIsAnErrorNotACrash() {
    var generator = SystemRandomNumberGenerator()
    let junk = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let stream = parse(bytes: junk)
    #expect(!stream.diagnostics.isEmpty)
  }

  @Test func oversizedInputIsRefused() {
    let stream = parse("a: 1\n", limits: YAMLLimits(maxInputBytes: 3))
    #expect(stream.diagnostics.map(\.code) == ["yaml.too-large"])
  }
}
