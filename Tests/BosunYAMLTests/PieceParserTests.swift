import Foundation
import Testing

@testable import BosunYAML

/// Reading a large input in pieces gives exactly what one run gives (every node, position,
/// style, tag, diagnostic and document index), or declines and leaves the input to one run.
@Suite struct PieceParserTests {
  /// The stream read in pieces, or nil when the input is not cut.
  private func pieces(_ text: String, _ count: Int, limits: YAMLLimits = .standard) -> YAMLStream? {
    PieceParser.parse(
      SourceText(file: "test.yaml", bytes: Array(text.utf8)), limits: limits,
      duplicateKeySeverity: .warning, pieces: count, minimumBytes: 0)
  }

  /// The stream read in one run (inputs this small are never cut).
  private func whole(_ text: String, limits: YAMLLimits = .standard) -> YAMLStream {
    parse(text, limits: limits)
  }

  /// Asserts that every cut gives what one run gives, and that at least one cut was taken.
  private func expectSame(_ text: String, limits: YAMLLimits = .standard) {
    let expected = whole(text, limits: limits)
    var cut = false
    for count in 2...6 {
      guard let stream = pieces(text, count, limits: limits) else { continue }
      cut = true
      #expect(Self.describe(stream) == Self.describe(expected), "\(count) pieces")
    }
    #expect(cut, "no cut was taken")
  }

  /// Everything a reader of the stream can see, as text.
  static func describe(_ stream: YAMLStream) -> String {
    var out = ""
    for document in stream.documents {
      out += "doc \(document.index) at \(document.start)\n"
      describe(document.root, into: &out, indent: 1)
    }
    for diagnostic in stream.diagnostics {
      out +=
        "diag \(diagnostic.code) \(diagnostic.mark) doc \(diagnostic.documentIndex) \(diagnostic.message)\n"
    }
    return out
  }

  private static func describe(_ node: Node, into out: inout String, indent: Int) {
    let pad = String(repeating: " ", count: indent)
    let details =
      node.details.map { "[\($0.tag ?? "")|\($0.anchor ?? "")|\($0.alias ?? "")]" } ?? ""
    switch node.content {
    case .scalar(let text):
      out += "\(pad)\(node.mark) \(node.style) \(details) \(text.debugDescription)\n"
    case .sequence(let items):
      out += "\(pad)\(node.mark) seq \(node.style) \(details)\n"
      for item in items { describe(item, into: &out, indent: indent + 1) }
    case .mapping(let pairs):
      out += "\(pad)\(node.mark) map \(node.style) \(details)\n"
      for pair in pairs {
        describe(pair.key, into: &out, indent: indent + 1)
        describe(pair.value, into: &out, indent: indent + 2)
      }
    }
  }

  private static let entry = """
    - apiVersion: v1
      kind: ConfigMap
      metadata:
        name: NAME
        labels: {app: web, "tier": 'front'}
      data:
        script: |+
          echo one
          echo two


        note: >-
          folded
          text
        quoted: "multi
          line"
        list:
        - a
        -   - b
            - c

    """

  private func list(
    entries: Int, head: String = "apiVersion: v1\nitems:\n",
    tail: String = "kind: List\nmetadata:\n  resourceVersion: \"\"\n"
  ) -> String {
    var text = head
    for index in 0..<entries {
      text += Self.entry.replacingOccurrences(of: "NAME", with: "cm-\(index)")
      if index % 3 == 1 { text += "# between entries\n\n" }
    }
    return text + tail
  }

  @Test func aKubectlListIsCutAtEntries() {
    expectSame(list(entries: 12))
    // Text with the lead bytes of NEL, LS and PS that are no line break is cut too.
    expectSame(
      list(entries: 12).replacingOccurrences(of: "echo one", with: "echo © — €\u{2027} one"))
  }

  @Test func aListWithoutKeysAfterItsEntriesIsCut() {
    expectSame(list(entries: 9, head: "apiVersion: v1\nkind: List\nitems:\n", tail: ""))
    expectSame(
      list(entries: 9, head: "# recorded\napiVersion: v1\nitems:\n\n# first\n", tail: "# end\n"))
  }

  @Test func lineEndingsAndAByteOrderMarkReadTheSame() {
    let text = list(entries: 9)
    expectSame(text.replacingOccurrences(of: "\n", with: "\r\n"))
    expectSame("\u{FEFF}" + text)
    expectSame(String(text.dropLast()))
  }

  /// Random edits (quotes, brackets, indicators, line breaks, markers) at random places: every
  /// cut that is taken gives what one run gives.
  @Test func randomEditsNeverChangeTheResult() {
    let inserts = [
      "\"", "'", "[", "{", "]", "}", "- ", "\n- ", "\n", "#", ": ", "\t", "&a ", "*a", "---\n",
      "|\n", ">-\n", "\n  ", "\nx: 1\n", "...\n", "<<: *a\n", "!!str ",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let bases = [list(entries: 7), list(entries: 7, head: "apiVersion: v1\nitems:\n", tail: "")]
    var taken = 0
    for round in 0..<300 {
      var bytes = Array(bases[round % 2].utf8)
      for _ in 0...next(3) {
        let at = next(bytes.count)
        bytes.insert(contentsOf: Array(inserts[next(inserts.count)].utf8), at: at)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let expected = Self.describe(whole(text))
      for count in 2...4 {
        guard let stream = pieces(text, count) else { continue }
        taken += 1
        #expect(Self.describe(stream) == expected, "round \(round), \(count) pieces")
      }
    }
    #expect(taken > 0)
  }

  @Test func aStreamOfDocumentsIsCutAtDocumentStarts() {
    var text = "# leading comment\n"
    for index in 0..<10 {
      text += index == 0 ? "" : (index % 2 == 0 ? "---\n" : "--- # marker\n")
      text += "kind: ConfigMap\nmetadata:\n  name: cm-\(index)\ndata: &d\n  a: b\ncopy: *d\n"
      if index == 4 { text += "dup: 1\ndup: 2\n" }
      if index == 6 { text += "...\n" }
    }
    text += "---\n---\n"
    expectSame(text)
  }

  @Test func documentIndexesOfLaterPiecesCountEarlierDocuments() throws {
    var text = ""
    for index in 0..<8 { text += "---\na: \(index)\n" + (index == 5 ? "a: again\n" : "") }
    let stream = try #require(pieces(text, 4))
    #expect(stream.documents.map(\.index) == Array(0..<8))
    #expect(stream.diagnostics.map(\.documentIndex) == [5])
    #expect(stream.diagnostics.map(\.code) == ["yaml.duplicate-key"])
  }

  @Test func brokenOrUnusualInputIsLeftToOneRun() {
    let base = list(entries: 8)
    // A quoted scalar may run over a line that looks like an entry: a cut there fails, and
    // elsewhere the piece holding it reads it as one run does.
    let quoted = base.replacingOccurrences(of: "name: cm-3\n", with: "name: \"cm-3\n- x\"\n")
    for count in 2...6 {
      if let stream = pieces(quoted, count) {
        #expect(Self.describe(stream) == Self.describe(whole(quoted)), "\(count) pieces")
      }
    }
    let cases: [(String, String)] = [
      (
        "an alias",
        base.replacingOccurrences(of: "name: cm-5\n", with: "name: &n cm-5\n    other: *n\n")
      ),
      (
        "a merge key",
        base.replacingOccurrences(of: "    name: cm-5\n", with: "    <<: {a: 1}\n    name: cm-5\n")
      ),
      (
        "a duplicate key inside an entry",
        base.replacingOccurrences(
          of: "kind: ConfigMap\n", with: "kind: ConfigMap\n  kind: Secret\n")
      ),
      ("a root key met again after the entries", base + "apiVersion: v2\n"),
      ("a directive", "%YAML 1.1\n---\n" + base),
      ("a syntax error", base.replacingOccurrences(of: "name: cm-6\n", with: "name: [cm-6\n")),
      ("a NEL line break", base.replacingOccurrences(of: "echo one", with: "echo\u{85}one")),
      ("an LS line break", base.replacingOccurrences(of: "echo one", with: "echo\u{2028}one")),
      ("a PS line break", base.replacingOccurrences(of: "echo one", with: "echo\u{2029}one")),
      ("a document end marker", base + "...\n"),
      ("no entries", "apiVersion: v1\nitems: []\nkind: List\n"),
      ("a tagged sequence", base.replacingOccurrences(of: "items:\n", with: "items: !!seq\n")),
    ]
    for (what, text) in cases {
      #expect(pieces(text, 3) == nil, "\(what)")
      #expect(pieces(text, 2) == nil, "\(what)")
    }
    var stream = ""
    for index in 0..<6 { stream += "---\na: \(index)\n" + (index == 3 ? "b: \"open\n" : "") }
    #expect(pieces(stream, 3) == nil, "a syntax error between document starts")
  }

  @Test func limitsHoldForTheWholeDocument() {
    let text = list(entries: 10)
    let nodes = whole(text).documents.first.map { Self.count($0.root) } ?? 0
    var tight = YAMLLimits.standard
    tight.maxDocumentNodes = nodes
    expectSame(text, limits: tight)
    tight.maxDocumentNodes = nodes - 1
    #expect(whole(text, limits: tight).diagnostics.map(\.code) == ["yaml.too-large"])
    #expect(pieces(text, 3, limits: tight) == nil)
    // The inner list of `list:` is the sixth collection down from the root mapping.
    var shallow = YAMLLimits.standard
    shallow.maxDepth = 4
    #expect(whole(text, limits: shallow).diagnostics.map(\.code) == ["yaml.too-deep"])
    #expect(pieces(text, 3, limits: shallow) == nil)
  }

  private static func count(_ node: Node) -> Int {
    switch node.content {
    case .scalar: 1
    case .sequence(let items): 1 + items.reduce(0) { $0 + count($1) }
    case .mapping(let pairs): 1 + pairs.reduce(0) { $0 + count($1.key) + count($1.value) }
    }
  }

  @Test func smallInputsAndOneThreadAreNeverCut() {
    let source = SourceText(file: "test.yaml", bytes: Array(list(entries: 8).utf8))
    #expect(
      PieceParser.parse(source, limits: .standard, duplicateKeySeverity: .warning, pieces: 4) == nil
    )
    #expect(
      PieceParser.parse(
        source, limits: .standard, duplicateKeySeverity: .warning, pieces: 1, minimumBytes: 0)
        == nil)
  }

  /// Every real-world manifest, when the corpus is present: cut or not, the same result.
  @Test func corpusFilesReadTheSameInPieces() throws {
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("shared/corpus")
    guard let walker = FileManager.default.enumerator(atPath: corpus.path) else { return }
    var compared = 0
    for case let path as String in walker
    where path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".json") {
      guard
        let data = FileManager.default.contents(atPath: corpus.appendingPathComponent(path).path)
      else { continue }
      let bytes = Array(data)
      let expected = Self.describe(YAMLParser.parse(bytes, file: path))
      for count in [2, 5] {
        let source = SourceText(file: path, bytes: bytes)
        guard
          let stream = PieceParser.parse(
            source, limits: .standard, duplicateKeySeverity: .warning, pieces: count,
            minimumBytes: 0)
        else { continue }
        compared += 1
        #expect(Self.describe(stream) == expected, "\(path), \(count) pieces")
      }
    }
    #expect(compared > 0 || !FileManager.default.fileExists(atPath: corpus.path))
  }
}
