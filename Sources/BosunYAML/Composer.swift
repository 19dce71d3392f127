/// Builds node trees from parser events without recursion, enforcing the limits, resolving
/// aliases and merge keys, and reporting duplicate keys.
struct Composer {
  /// An open collection. A struct mutated in place on the stack, so appending never copies.
  struct Frame {
    var isMapping: Bool
    var mark: Mark
    var style: Node.Style
    var details: Node.Details?
    var items: [Node] = []
    var pairs: [Pair] = []
    var key: Node?
    var size = 1
    /// For a List entry: what the entry filter said so far (`.keep` for every other frame).
    var verdict = ListEntryFilter.Verdict.keep
    /// Whether an unbuilt key's value is being skipped.
    var skipsValue = false
  }

  let limits: YAMLLimits
  let duplicateKeySeverity: YAMLDiagnostic.Severity
  /// Asked about the entries of a List; nil builds every node.
  let entryFilter: ListEntryFilter?
  /// Where List entries sit on the stack: 2 in a whole document (root mapping, `items`, the
  /// entry), 1 in a piece that holds only entries.
  let entryLevel: Int
  /// Set when a skipped part holds something that could make the result differ from a whole
  /// reading; the input is then read again without the filter.
  var elisionUnsafe = false
  /// Whether some entry was built in part.
  var elidedEntries = false
  /// Whether events are being skipped rather than built: everything after the verdict `.elide`
  /// up to the end of its entry.
  var isSkipping = false
  /// The collections open inside a skipped value.
  var skipped: [SkippedCollection] = []
  /// The hashes of the keys left unbuilt in the entry, then those of each open skipped
  /// mapping (see `SkippedCollection.keysStart`), to find a key met twice.
  var skippedKeys: [UInt64] = []
  private(set) var documents: [YAMLDocument] = []
  private(set) var diagnostics: [YAMLDiagnostic] = []
  /// Documents started so far in this stream (the index of the next one).
  var documentCount: Int
  /// Nodes built so far in this stream, not counting alias expansion.
  private(set) var nodeCount = 0
  /// Whether an alias or a merge key was met: trees that depend on more than their own events.
  private(set) var usedAliasOrMerge = false

  var stack: [Frame] = []
  private var anchors: [String: (node: Node, size: Int)] = [:]
  private var documentStart = Mark(line: 1, column: 1)
  private var root: Node?
  private var ownNodes = 0
  private var expanded = 0
  /// Set when the current document broke a limit: its remaining events are dropped.
  var abandoned = false
  private var abandonedDepth = 0

  init(
    limits: YAMLLimits, duplicateKeySeverity: YAMLDiagnostic.Severity, firstIndex: Int,
    entryFilter: ListEntryFilter? = nil, entryLevel: Int = 2
  ) {
    self.limits = limits
    self.duplicateKeySeverity = duplicateKeySeverity
    self.documentCount = firstIndex
    self.entryFilter = entryFilter
    self.entryLevel = entryLevel
  }

  /// Whether a document is open (started and not yet ended).
  private(set) var inDocument = false

  mutating func beginDocument(at mark: Mark) {
    stack.removeAll(keepingCapacity: true)
    anchors.removeAll(keepingCapacity: true)
    root = nil
    ownNodes = 0
    expanded = 0
    abandoned = false
    abandonedDepth = 0
    documentStart = mark
    inDocument = true
    stopSkipping()
  }

  mutating func abandonDocument() { abandoned = true }

  mutating func endDocument() {
    if !abandoned, let root {
      documents.append(YAMLDocument(root: root, index: documentCount, start: documentStart))
    }
    documentCount += 1
    inDocument = false
    stack.removeAll(keepingCapacity: true)
    anchors.removeAll(keepingCapacity: true)
    stopSkipping()
  }

  mutating func scalar(_ text: String, mark: Mark, style: Node.Style, tag: String?, anchor: String?)
  {
    if abandoned { return }
    guard count(mark) else { return }
    let details =
      (tag != nil || anchor != nil) ? Node.Details(tag: tag, anchor: anchor, alias: nil) : nil
    let node = Node(.scalar(text), mark: mark, style: style, details: details)
    if let anchor { anchors[anchor] = (node, 1) }
    add(node, size: 1)
  }

  mutating func alias(_ name: String, mark: Mark) {
    if abandoned { return }
    usedAliasOrMerge = true
    guard let (target, size) = anchors[name] else {
      fail("yaml.undefined-alias", "alias *\(name) refers to no anchor defined before it", at: mark)
      return
    }
    expanded += size
    if expanded > limits.maxAliasExpansion {
      fail(
        "yaml.alias-expansion",
        "aliases expand to more than \(limits.maxAliasExpansion) nodes; this looks like an alias bomb",
        at: mark)
      return
    }
    var node = target
    node.mark = mark
    node.details = Node.Details(tag: target.tag, anchor: nil, alias: name)
    add(node, size: size)
  }

  mutating func startCollection(
    mapping: Bool, mark: Mark, flow: Bool, tag: String?, anchor: String?
  ) {
    if abandoned {
      abandonedDepth += 1
      return
    }
    guard count(mark) else {
      abandonedDepth += 1
      return
    }
    if stack.count >= limits.maxDepth {
      fail(
        "yaml.too-deep", "nesting deeper than \(limits.maxDepth) levels", at: mark)
      abandonedDepth += 1
      return
    }
    let details =
      (tag != nil || anchor != nil) ? Node.Details(tag: tag, anchor: anchor, alias: nil) : nil
    let style: Node.Style = flow ? .flow : .block
    var frame = Frame(isMapping: mapping, mark: mark, style: style, details: details)
    if mapping, details == nil, entryFilter != nil, isEntryPosition { frame.verdict = .undecided }
    stack.append(frame)
  }

  mutating func endCollection() {
    if abandoned {
      abandonedDepth -= 1
      return
    }
    if !skipped.isEmpty {
      endSkippedCollection()
      return
    }
    guard let frame = stack.popLast() else { return }
    let content: Node.Content =
      frame.isMapping ? .mapping(resolveMapping(frame.pairs)) : .sequence(frame.items)
    var details = frame.details
    if frame.verdict == .elide {
      // Only the entry's own unbuilt keys are left: some were, or nothing was left out.
      if !skippedKeys.isEmpty {
        elidedEntries = true
        details = Node.Details(tag: nil, anchor: nil, alias: nil, isPartial: true)
      }
      stopSkipping()
    }
    let node = Node(content, mark: frame.mark, style: frame.style, details: details)
    if let anchor = frame.details?.anchor { anchors[anchor] = (node, frame.size) }
    add(node, size: frame.size)
  }

  // MARK: - Internals

  mutating func count(_ mark: Mark) -> Bool {
    ownNodes += 1
    nodeCount += 1
    if ownNodes > limits.maxDocumentNodes {
      fail(
        "yaml.too-large", "document has more than \(limits.maxDocumentNodes) nodes", at: mark)
      return false
    }
    return true
  }

  mutating func fail(_ code: String, _ message: String, at mark: Mark) {
    if entryFilter != nil {
      elisionUnsafe = true
      stopSkipping()
    }
    diagnostics.append(
      YAMLDiagnostic(
        code: code, message: message, mark: mark, severity: .error,
        notes: [("the rest of this document was skipped", nil)], documentIndex: documentCount))
    abandoned = true
  }

  private mutating func add(_ node: consuming Node, size: Int) {
    let top = stack.count - 1
    guard top >= 0 else {
      root = node
      return
    }
    stack[top].size += size
    guard stack[top].isMapping else {
      stack[top].items.append(node)
      return
    }
    if let key = stack[top].key.take() {
      // Most mappings hold a few keys: one allocation for up to four instead of growing
      // from one.
      if stack[top].pairs.isEmpty { stack[top].pairs.reserveCapacity(4) }
      stack[top].pairs.append(Pair(key: key, value: node))
      if stack[top].verdict == .undecided { askFilter() }
      return
    }
    if case .scalar = node.content {
    } else {
      diagnostics.append(
        YAMLDiagnostic(
          code: "yaml.complex-key",
          message: "a mapping key must be a plain value, not a sequence or mapping",
          mark: node.mark, severity: .error, notes: [], documentIndex: documentCount))
    }
    stack[top].key = node
  }

  private static func isMergeKey(_ key: Node) -> Bool {
    guard case .scalar(let text) = key.content else { return false }
    if let tag = key.tag { return tag == Node.yamlTagPrefix + "merge" }
    return key.style == .plain && text == "<<"
  }

  /// Reports duplicate keys (the last one wins, as in sigs.k8s.io/yaml) and applies merge keys
  /// in go-yaml v2's order: pairs in sequence, later assignments win, and among the sources of
  /// a `<<: [*a, *b]` list the earlier wins.
  private mutating func resolveMapping(_ pairs: [Pair]) -> [Pair] {
    if Self.isPlainMapping(pairs) { return pairs }
    var hasMerge = false
    // Small mappings (nearly all of them) are scanned linearly; a dictionary pays off later.
    let useIndex = pairs.count > 12
    var seen: [String: Int] = [:]
    var keys: [String] = []
    keys.reserveCapacity(pairs.count)
    var result: [Pair] = []
    result.reserveCapacity(pairs.count)
    for pair in pairs {
      if Self.isMergeKey(pair.key) {
        hasMerge = true
        continue
      }
      guard let key = pair.key.canonicalKey else {
        result.append(pair)
        keys.append("")
        continue
      }
      let earlier = useIndex ? seen[key] : keys.firstIndex(of: key)
      if let first = earlier {
        let firstMark = result[first].key.mark
        diagnostics.append(
          YAMLDiagnostic(
            code: "yaml.duplicate-key",
            message: "duplicate key \"\(key)\" (first defined at \(firstMark)); the last one wins",
            mark: pair.key.mark, severity: duplicateKeySeverity,
            notes: [("first defined here", firstMark)], documentIndex: documentCount))
        result[first] = pair
      } else {
        if useIndex { seen[key] = result.count }
        keys.append(key)
        result.append(pair)
      }
    }
    guard hasMerge else { return result }
    usedAliasOrMerge = true
    return applyMerges(pairs)
  }

  /// Whether a mapping has only scalar keys, no merge key and no duplicate: what nearly every
  /// mapping is, and what `resolveMapping` leaves exactly as it is.
  static func isPlainMapping(_ pairs: [Pair]) -> Bool {
    guard pairs.count <= 12 else {
      var seen = Set<String>()
      seen.reserveCapacity(pairs.count)
      for index in pairs.indices {
        guard !isMergeKey(pairs[index].key), let key = pairs[index].key.stringKey,
          seen.insert(key).inserted
        else { return false }
      }
      return true
    }
    // Small mappings compare key texts pairwise. A key whose text may type as something else
    // (a number, a YAML 1.1 word, a tagged or merge key) takes the full path.
    for index in pairs.indices {
      guard let key = pairs[index].key.plainStringKey else { return false }
      for earlier in 0..<index where pairs[earlier].key.scalarText == key { return false }
    }
    return true
  }

  private mutating func applyMerges(_ pairs: [Pair]) -> [Pair] {
    var result: [Pair] = []
    var index: [String: Int] = [:]
    func assign(_ pair: Pair, overwrite: Bool) {
      let key = pair.key.canonicalKey ?? ""
      if let at = index[key] {
        if overwrite { result[at] = pair }
      } else {
        index[key] = result.count
        result.append(pair)
      }
    }
    for pair in pairs {
      guard Self.isMergeKey(pair.key) else {
        assign(pair, overwrite: true)
        continue
      }
      var sources: [Node] = []
      switch pair.value.content {
      case .mapping: sources = [pair.value]
      case .sequence(let items): sources = items
      case .scalar:
        sources = []
      }
      // Earlier sources win inside the list: collect them first-come, then assign.
      var fromSources: [Pair] = []
      var taken = Set<String>()
      for source in sources {
        guard case .mapping(let sourcePairs) = source.content else {
          diagnostics.append(
            YAMLDiagnostic(
              code: "yaml.merge", message: "a merge key (<<) takes a mapping or a list of mappings",
              mark: source.mark, severity: .error, notes: [], documentIndex: documentCount))
          continue
        }
        for p in sourcePairs where taken.insert(p.key.canonicalKey ?? "").inserted {
          fromSources.append(p)
        }
      }
      if sources.isEmpty {
        diagnostics.append(
          YAMLDiagnostic(
            code: "yaml.merge", message: "a merge key (<<) takes a mapping or a list of mappings",
            mark: pair.value.mark, severity: .error, notes: [], documentIndex: documentCount))
      }
      for p in fromSources { assign(p, overwrite: true) }
    }
    return result
  }
}

extension Composer {
  /// Closes a document that a parser error cut short: it is not kept, but it is counted.
  mutating func endDocumentAbandoned() {
    abandonDocument()
    endDocument()
  }
}
