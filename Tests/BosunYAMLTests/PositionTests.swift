import BosunCore
import Testing

@testable import BosunYAML

/// Every node and key carries its line and column from the start of the file.
@Suite struct PositionTests {
  @Test func keysValuesAndListItemsInBlockStyle() throws {
    let stream = parse(
      """
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            image: nginx
      """)
    let root = try #require(stream.documents.first?.root)
    #expect(root.pair("kind")?.key.mark.pair == [2, 1])
    #expect(root["kind"]?.mark.pair == [2, 7])
    let container = try #require(root.node(at: "/spec/containers/0"))
    #expect(container.mark.pair == [5, 7])
    #expect(root.location(of: "/spec/containers/0/image").mark.pair == [6, 7])
    #expect(root.valueMark(of: "/spec/containers/0/image").pair == [6, 14])
  }

  @Test func flowStyle() throws {
    let stream = parse("metadata: {name: web, labels: {app: web}}\nports: [80, 443]\n")
    let root = try #require(stream.documents.first?.root)
    #expect(root.valueMark(of: "/metadata/labels/app").pair == [1, 37])
    #expect(root.valueMark(of: "/ports/1").pair == [2, 13])
  }

  @Test func multiDocumentLinesCountFromTheStartOfTheFile() throws {
    let stream = parse("a: 1\n---\nb: 2\n---\n# comment\nc: 3\n")
    #expect(stream.documents.count == 3)
    #expect(stream.documents[2].root.pair("c")?.key.mark.pair == [6, 1])
    #expect(stream.documents.map(\.index) == [0, 1, 2])
  }

  @Test func crlfLineEndings() throws {
    let stream = parse("a: 1\r\nb:\r\n  c: x\r\n")
    let root = try #require(stream.documents.first?.root)
    #expect(root.location(of: "/b/c").mark.pair == [3, 3])
    #expect(stream.source.line(3) == "  c: x")
  }

  @Test func byteOrderMarkDoesNotShiftColumns() throws {
    let stream = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("kind: Pod\n".utf8))
    let root = try #require(stream.documents.first?.root)
    #expect(root.pair("kind")?.key.mark.pair == [1, 1])
    #expect(root["kind"]?.mark.pair == [1, 7])
    #expect(stream.source.line(1) == "kind: Pod")
  }

  @Test func columnsCountUnicodeScalarsNotBytes() throws {
    let stream = parse("name: \"日本語\"\nnote: 👍👍 x\nafter: ok\nlast: [é, z]\n")
    let root = try #require(stream.documents.first?.root)
    #expect(root.valueMark(of: "/last/1").pair == [4, 11])
    #expect(
      stream.source.mark(atByte: stream.source.byteOffset(of: Mark(line: 4, column: 11))!).pair == [
        4, 11,
      ])
  }

  @Test func aliasKeepsItsOwnSite() throws {
    let stream = parse("base: &b {x: 1}\nuse: *b\n")
    let root = try #require(stream.documents.first?.root)
    #expect(root["use"]?.mark.pair == [2, 6])
    #expect(root["use"]?.details?.alias == "b")
    // The aliased content keeps the position of its definition.
    #expect(root.valueMark(of: "/use/x").pair == [1, 14])
  }

  @Test func missingFieldPointsAtNearestParent() throws {
    let stream = parse("spec:\n  template:\n    metadata: {}\n")
    let root = try #require(stream.documents.first?.root)
    let found = root.location(of: "/spec/template/spec/containers")
    #expect(found.exact == false)
    #expect(found.mark.pair == [2, 3])
  }
}

@Suite struct KeyLookupTests {
  @Test func pointersUseTheJSONFormOfKeys() throws {
    let root = try #require(parse("data:\n  on: yes\n  8080: http\n").documents.first?.root)
    #expect(root.location(of: "/data/true").mark.pair == [2, 3])
    #expect(root.location(of: "/data/8080").mark.pair == [3, 3])
  }
}

/// The line index finds every line start, whichever line breaks a file mixes.
@Suite struct LineIndexTests {
  /// Line starts counted one byte at a time: after `\n`, after a lone `\r`, after `\r\n`.
  private static func expectedStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      if b == 0x0D, i < bytes.count, bytes[i] == 0x0A { i += 1 }
      if b == 0x0A || b == 0x0D { starts.append(i) }
    }
    return starts
  }

  @Test func handWrittenBreaks() {
    let cases: [String] = [
      "", "a", "\n", "a\n", "a\nb", "a\n\nb\n", "\r", "\r\n", "a\r\nb\r\n", "a\rb\rc", "a\r\r\nb",
      "\n\r", "é\nü\n",
    ]
    for text in cases {
      let bytes = Array(text.utf8)
      #expect(SourceText(file: "f", bytes: bytes).lineStarts == Self.expectedStarts(bytes))
    }
    #expect(SourceText(file: "f", bytes: Array("a\nb\n".utf8)).lineCount == 2)
    #expect(SourceText(file: "f", bytes: Array("a\r\nb".utf8)).lineCount == 2)
  }

  @Test func randomBytes() {
    // A fixed linear congruential sequence, so a failure repeats.
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let alphabet: [UInt8] = [0x0A, 0x0D, 0x20, 0x61, 0x0C, 0x0E, 0xC3, 0xA9]
    for _ in 0..<500 {
      let bytes = (0..<next(200)).map { _ in alphabet[next(alphabet.count)] }
      #expect(SourceText(file: "f", bytes: bytes).lineStarts == Self.expectedStarts(bytes))
    }
  }
}
