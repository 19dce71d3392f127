import Testing

@testable import BosunYAML

/// A List read with an entry filter gives what a whole reading gives, with the entries the
/// filter elides cut after its verdict and marked partial; or, when what it skipped could
/// change anything, exactly the whole reading.
@Suite struct ListEntryFilterTests {
  /// Elides ConfigMaps once their kind is known; keeps everything else.
  private static let filter = ListEntryFilter { pairs in
    guard let kind = pairs.first(where: { $0.key.scalarText == "kind" })?.value.scalarText else {
      return .undecided
    }
    return kind == "ConfigMap" ? .elide : .keep
  }

  private static func filtered(_ text: String, limits: YAMLLimits = .standard) -> YAMLStream {
    YAMLParser.parse(Array(text.utf8), file: "test.yaml", limits: limits, entryFilter: filter)
  }

  /// The stream read in pieces with the filter, or nil when the input is not cut.
  private static func filteredPieces(_ text: String, _ count: Int) -> YAMLStream? {
    PieceParser.parse(
      SourceText(file: "test.yaml", bytes: Array(text.utf8)), limits: .standard,
      duplicateKeySeverity: .warning, pieces: count, minimumBytes: 0, entryFilter: filter)
  }

  /// The whole reading with each entry cut as the filter would cut it: the first keys up to the
  /// verdict `.elide`, asked while every key so far is a plain string met once, in an entry
  /// with no tag or anchor under parents with no anchor.
  private static func elided(_ stream: YAMLStream) -> YAMLStream {
    var result = stream
    // A key met twice in an entry: the whole reading keeps the last one in the first one's
    // place, so the keys the filter saw are not those of the result; it is read whole.
    let repeated = Set(
      stream.diagnostics.filter { $0.code == "yaml.duplicate-key" }.map { $0.mark })
    for index in result.documents.indices {
      var root = result.documents[index].root
      guard root.details?.anchor == nil, case .mapping(var pairs) = root.content,
        let at = pairs.firstIndex(where: {
          $0.key.details == nil && $0.key.scalarText == "items"
        }),
        pairs[at].value.details?.anchor == nil,
        case .sequence(var entries) = pairs[at].value.content
      else { continue }
      for position in entries.indices {
        guard entries[position].details == nil,
          case .mapping(let keys) = entries[position].content,
          !keys.contains(where: { repeated.contains($0.key.mark) })
        else { continue }
        for count in keys.indices.map({ $0 + 1 }) {
          let prefix = Array(keys[0..<count])
          guard Composer.isPlainMapping(prefix) else { break }
          let verdict = filter.verdict(prefix)
          if case .undecided = verdict { continue }
          if case .elide = verdict, count < keys.count {
            entries[position].content = .mapping(prefix)
            entries[position].details = Node.Details(
              tag: nil, anchor: nil, alias: nil, isPartial: true)
          }
          break
        }
      }
      pairs[at].value.content = .sequence(entries)
      root.content = .mapping(pairs)
      result.documents[index].root = root
    }
    return result
  }

  /// Everything a reader sees, partial marks included.
  private static func describe(_ stream: YAMLStream) -> String {
    var marks = ""
    for document in stream.documents {
      for entry in document.root["items"]?.items ?? [] where entry.isPartial {
        marks += "partial \(entry.mark)\n"
      }
    }
    return PieceParserTests.describe(stream) + marks
  }

  /// The filtered reading is the whole one cut by the filter when it elided something, and the
  /// whole one exactly when it did not; `elides` says which is expected.
  private static func expectFiltered(
    _ text: String, elides: Bool?, limits: YAMLLimits = .standard,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let whole = YAMLParser.parse(Array(text.utf8), file: "test.yaml", limits: limits)
    let stream = filtered(text, limits: limits)
    if let elides {
      #expect(stream.hasPartialEntries == elides, sourceLocation: sourceLocation)
    }
    let expected = stream.hasPartialEntries ? elided(whole) : whole
    #expect(describe(stream) == describe(expected), sourceLocation: sourceLocation)
  }

  private static func entry(_ kind: String, _ name: String, body: String = "") -> String {
    """
    - apiVersion: v1
      kind: \(kind)
      metadata:
        name: \(name)
        labels: {app: web}
    \(body.isEmpty ? "  data:\n    a: \"1\"\n    b: |\n      text\n    nested: {x: [1, 2, {w: z}]}\n" : body)
    """
  }

  private static func list(_ entries: [String], tail: String = "kind: List\n") -> String {
    "apiVersion: v1\nitems:\n" + entries.joined() + tail
  }

  @Test func configMapsAreCutAfterTheirVerdictAndOthersKept() throws {
    let text = Self.list([
      Self.entry("ConfigMap", "a"), Self.entry("Service", "b"), Self.entry("ConfigMap", "c"),
    ])
    Self.expectFiltered(text, elides: true)
    let entries = try #require(Self.filtered(text).documents.first?.root["items"]?.items)
    #expect(entries.map(\.isPartial) == [true, false, true])
    // The keys up to the verdict stay; the data after it is not built.
    #expect(entries[0].pairs?.map { $0.key.scalarText } == ["apiVersion", "kind"])
    #expect(entries[1]["data"]?["nested"] != nil)
  }

  @Test func anEntryWithNothingAfterItsVerdictIsWhole() {
    let text = Self.list(["- apiVersion: v1\n  kind: ConfigMap\n"])
    Self.expectFiltered(text, elides: false)
  }

  @Test func flowListsAsJSONRecordingsAreFilteredToo() {
    let text = """
      {"apiVersion": "v1", "items": [
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"k": "v"}},
        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "b"}, "data": {"k": "dg=="}}
      ], "kind": "List"}
      """
    Self.expectFiltered(text, elides: true)
  }

  @Test func piecesGiveWhatOneFilteredRunGives() {
    let entries = (0..<12).map { Self.entry($0 % 3 == 0 ? "Service" : "ConfigMap", "n\($0)") }
    let text = Self.list(entries, tail: "kind: List\nmetadata:\n  resourceVersion: \"\"\n")
    let expected = Self.describe(Self.elided(YAMLParser.parse(Array(text.utf8), file: "test.yaml")))
    var cut = false
    for count in 2...5 {
      guard let stream = Self.filteredPieces(text, count) else { continue }
      cut = true
      #expect(stream.hasPartialEntries)
      #expect(Self.describe(stream) == expected, "\(count) pieces")
    }
    #expect(cut)
  }

  /// Whatever in the skipped part could change the result makes the parser read it all whole.
  @Test(arguments: [
    "  data:\n    a: &x 1\n",  // an anchor
    "  data:\n    a: *missing\n",  // an alias (here undefined: a whole reading reports it)
    "  data:\n    a: 1\n    a: 2\n",  // a duplicate key
    "  data:\n    a: 1\n  data:\n    b: 2\n",  // an entry key met twice
    "  kind: Secret\n",  // a key built before the verdict, met again
    "  data:\n    1: one\n",  // a key that types as a number
    "  data:\n    on: yes\n",  // a YAML 1.1 word as a key
    "  data:\n    !!str a: 1\n",  // a tagged key
    "  data:\n    ? [a, b]\n    : 1\n",  // a collection as a key
    "  data:\n    <<: {a: 1}\n",  // a merge key
    "  spec:\n    a: {b: {c: {d: 1}}}\n",  // nesting past the depth limit (below)
  ])
  func somethingUnusualSkippedMeansAWholeReading(body: String) {
    let text = Self.list([Self.entry("ConfigMap", "a", body: body), Self.entry("Service", "b")])
    var limits = YAMLLimits.standard
    if body.hasPrefix("  spec:") { limits.maxDepth = 6 }
    Self.expectFiltered(text, elides: false, limits: limits)
  }

  @Test func quotedKeysInTheSkippedPartAreFine() {
    let body = "  data:\n    'a': 1\n    \"b\": 2\n    plain-c: 3\n    ~x: 4\n"
    Self.expectFiltered(Self.list([Self.entry("ConfigMap", "a", body: body)]), elides: false)
    let safe = "  data:\n    'a': 1\n    \"b\": 2\n    plain-c: 3\n"
    Self.expectFiltered(Self.list([Self.entry("ConfigMap", "a", body: safe)]), elides: true)
  }

  @Test func theNodeLimitHoldsAsInAWholeReading() {
    var limits = YAMLLimits.standard
    limits.maxDocumentNodes = 30
    let text = Self.list([Self.entry("ConfigMap", "a"), Self.entry("ConfigMap", "b")])
    Self.expectFiltered(text, elides: false, limits: limits)
  }

  @Test func entriesUnderAnAnchorOrWithPropertiesAreWhole() {
    let anchored = "apiVersion: v1\nitems: &all\n" + Self.entry("ConfigMap", "a") + "kind: List\n"
    Self.expectFiltered(anchored, elides: false)
    let tagged = Self.list(["- !thing\n  " + Self.entry("ConfigMap", "a").dropFirst(2)])
    Self.expectFiltered(tagged, elides: false)
  }

  @Test func onlyTheItemsOfTheRootMappingAreEntries() {
    let nested = "apiVersion: v1\nspec:\n  items:\n" + Self.entry("ConfigMap", "a") + "kind: X\n"
    Self.expectFiltered(nested, elides: false)
    let stream = "- apiVersion: v1\n  kind: ConfigMap\n  data: {a: b}\n"
    Self.expectFiltered(stream, elides: false)
  }

  @Test func brokenInputReportsWhatAWholeReadingReports() {
    let broken = Self.list([Self.entry("ConfigMap", "a", body: "  data:\n    a: \"open\n")])
    Self.expectFiltered(broken, elides: nil)
    let tab = Self.list([Self.entry("ConfigMap", "a", body: "  data:\n\ta: 1\n")])
    Self.expectFiltered(tab, elides: nil)
  }

  /// Random edits (quotes, brackets, indicators, anchors, tags, keys) anywhere: the filtered
  /// reading, in one run or in pieces, is always the whole one, cut by the filter or not.
  @Test func randomEditsNeverChangeWhatIsBuilt() {
    let inserts = [
      "\"", "'", "[", "{", "]", "}", "- ", "\n- ", "\n", "#", ": ", "\t", "&a ", "*a", "---\n",
      "|\n", "\n  ", "\nx: 1\n", "\n    x: 1\n", "<<: *a\n", "!!str ", "\n  kind: ConfigMap\n",
      "\n    1: x\n", "? ",
    ]
    var state: UInt64 = 0x1234_5678_9ABC_DEF1
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let base = Self.list(
      (0..<6).map { Self.entry($0 % 2 == 0 ? "ConfigMap" : "Secret", "n\($0)") },
      tail: "kind: List\nmetadata:\n  resourceVersion: \"\"\n")
    var elidedRounds = 0
    var cuts = 0
    for round in 0..<300 {
      var bytes = Array(base.utf8)
      for _ in 0...next(3) {
        bytes.insert(contentsOf: Array(inserts[next(inserts.count)].utf8), at: next(bytes.count))
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let whole = YAMLParser.parse(Array(text.utf8), file: "test.yaml")
      let stream = Self.filtered(text)
      if stream.hasPartialEntries { elidedRounds += 1 }
      let expected = Self.describe(stream.hasPartialEntries ? Self.elided(whole) : whole)
      #expect(Self.describe(stream) == expected, "round \(round)")
      for count in 2...3 {
        guard let pieces = Self.filteredPieces(text, count) else { continue }
        cuts += 1
        let cut = Self.describe(pieces.hasPartialEntries ? Self.elided(whole) : whole)
        #expect(Self.describe(pieces) == cut, "round \(round), \(count) pieces")
      }
    }
    #expect(elidedRounds > 50)
    #expect(cuts > 50)
  }
}
