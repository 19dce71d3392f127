import Testing

@testable import BosunYAML

@Suite struct AnchorMergeDuplicateTests {
  @Test func mergeKeysApplyWithLaterOwnKeysWinning() throws {
    let stream = parse(
      """
      base: &base {a: 1, b: 2}
      other: &other {b: 3, c: 4}
      merged:
        <<: [*base, *other]
        c: 5
      """)
    let merged = try #require(stream.documents.first?.root["merged"])
    #expect(merged["a"]?.resolved == .int(1))
    // Among the listed sources the earlier wins.
    #expect(merged["b"]?.resolved == .int(2))
    #expect(merged["c"]?.resolved == .int(5))
    #expect(merged.pair("<<") == nil)
    #expect(stream.diagnostics.isEmpty)
  }

  @Test func duplicateKeysAreReportedWithBothPositions() throws {
    let stream = parse("metadata:\n  name: a\n  name: b\n")
    let diagnostic = try #require(stream.diagnostics.first)
    #expect(diagnostic.code == "yaml.duplicate-key")
    #expect(diagnostic.severity == .warning)
    #expect(diagnostic.mark.pair == [3, 3])
    #expect(diagnostic.notes.first?.mark?.pair == [2, 3])
    // The last one wins, as in sigs.k8s.io/yaml.
    #expect(stream.documents.first?.root.node(at: "/metadata/name")?.scalarText == "b")
  }

  @Test func duplicateKeysAreErrorsWhenStrict() {
    let stream = parse("a: 1\na: 2\n", strict: true)
    #expect(stream.diagnostics.map(\.severity) == [.error])
  }

  @Test func yaml11KeysCollide() {
    let stream = parse("on: 1\ntrue: 2\n")
    #expect(stream.diagnostics.map(\.code) == ["yaml.duplicate-key"])
  }

  @Test func undefinedAliasIsPositioned() throws {
    let stream = parse("a: *nope\n")
    let diagnostic = try #require(stream.diagnostics.first)
    #expect(diagnostic.code == "yaml.undefined-alias")
    #expect(diagnostic.mark.pair == [1, 4])
  }

  @Test func anchorsAreScopedToTheirDocument() {
    let stream = parse("a: &x 1\n---\nb: *x\n")
    #expect(stream.diagnostics.map(\.code) == ["yaml.undefined-alias"])
    #expect(stream.documents.count == 1)
  }
}
