/// Builds node trees from parser events without recursion, enforcing the limits, resolving
/// aliases and merge keys, and reporting duplicate keys.
struct Composer {
  private enum Frame {
    case sequence(mark: Mark, style: Node.Style, details: Node.Details?, items: [Node], size: Int)
    case mapping(
      mark: Mark, style: Node.Style, details: Node.Details?, pairs: [Pair], key: Node?, size: Int)
  }

  let limits: YAMLLimits
  let duplicateKeySeverity: YAMLDiagnostic.Severity
  private(set) var documents: [YAMLDocument] = []
  private(set) var diagnostics: [YAMLDiagnostic] = []
  /// Documents started so far in this stream (the index of the next one).
  var documentCount: Int

  private var stack: [Frame] = []
  private var anchors: [String: (node: Node, size: Int)] = [:]
  private var documentStart = Mark(line: 1, column: 1)
  private var root: Node?
  private var ownNodes = 0
  private var expanded = 0
  /// Set when the current document broke a limit: its remaining events are dropped.
  private var abandoned = false
  private var abandonedDepth = 0

  init(limits: YAMLLimits, duplicateKeySeverity: YAMLDiagnostic.Severity, firstIndex: Int) {
    self.limits = limits
    self.duplicateKeySeverity = duplicateKeySeverity
    self.documentCount = firstIndex
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
  }

  mutating func scalar(_ text: String, mark: Mark, style: Node.Style, tag: String?, anchor: String?)
  {
    if abandoned { return }
    guard count(mark) else { return }
    let details = (tag != nil || anchor != nil) ? Node.Details(tag: tag, anchor: anchor, alias: nil) : nil
    let node = Node(.scalar(text), mark: mark, style: style, details: details)
    if let anchor { anchors[anchor] = (node, 1) }
    add(node, size: 1)
  }

  mutating func alias(_ name: String, mark: Mark) {
    if abandoned { return }
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
    let details = (tag != nil || anchor != nil) ? Node.Details(tag: tag, anchor: anchor, alias: nil) : nil
    let style: Node.Style = flow ? .flow : .block
    stack.append(
      mapping
        ? .mapping(mark: mark, style: style, details: details, pairs: [], key: nil, size: 1)
        : .sequence(mark: mark, style: style, details: details, items: [], size: 1))
  }

  mutating func endCollection() {
    if abandoned {
      abandonedDepth -= 1
      return
    }
    guard let frame = stack.popLast() else { return }
    switch frame {
    case .sequence(let mark, let style, let details, let items, let size):
      let node = Node(.sequence(items), mark: mark, style: style, details: details)
      if let anchor = details?.anchor { anchors[anchor] = (node, size) }
      add(node, size: size)
    case .mapping(let mark, let style, let details, let pairs, _, let size):
      let merged = resolveMapping(pairs)
      let node = Node(.mapping(merged), mark: mark, style: style, details: details)
      if let anchor = details?.anchor { anchors[anchor] = (node, size) }
      add(node, size: size)
    }
  }

  // MARK: - Internals

  private mutating func count(_ mark: Mark) -> Bool {
    ownNodes += 1
    if ownNodes > limits.maxDocumentNodes {
      fail(
        "yaml.too-large", "document has more than \(limits.maxDocumentNodes) nodes", at: mark)
      return false
    }
    return true
  }

  private mutating func fail(_ code: String, _ message: String, at mark: Mark) {
    diagnostics.append(
      YAMLDiagnostic(
        code: code, message: message, mark: mark, severity: .error,
        notes: [("the rest of this document was skipped", nil)], documentIndex: documentCount))
    abandoned = true
  }

  private mutating func add(_ node: Node, size: Int) {
    guard var top = stack.popLast() else {
      root = node
      return
    }
    switch top {
    case .sequence(let mark, let style, let details, var items, let total):
      items.append(node)
      top = .sequence(mark: mark, style: style, details: details, items: items, size: total + size)
    case .mapping(let mark, let style, let details, var pairs, let key, let total):
      if let key {
        pairs.append(Pair(key: key, value: node))
        top = .mapping(
          mark: mark, style: style, details: details, pairs: pairs, key: nil, size: total + size)
      } else {
        if case .scalar = node.content {
        } else {
          diagnostics.append(
            YAMLDiagnostic(
              code: "yaml.complex-key",
              message: "a mapping key must be a plain value, not a sequence or mapping",
              mark: node.mark, severity: .error, notes: [], documentIndex: documentCount))
        }
        top = .mapping(
          mark: mark, style: style, details: details, pairs: pairs, key: node, size: total + size)
      }
    }
    stack.append(top)
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
    var hasMerge = false
    var seen: [String: Int] = [:]
    seen.reserveCapacity(pairs.count)
    var result: [Pair] = []
    result.reserveCapacity(pairs.count)
    for pair in pairs {
      if Self.isMergeKey(pair.key) {
        hasMerge = true
        continue
      }
      guard let key = pair.key.canonicalKey else {
        result.append(pair)
        continue
      }
      if let first = seen[key] {
        let firstMark = result[first].key.mark
        diagnostics.append(
          YAMLDiagnostic(
            code: "yaml.duplicate-key",
            message: "duplicate key \"\(key)\" (first defined at \(firstMark)); the last one wins",
            mark: pair.key.mark, severity: duplicateKeySeverity,
            notes: [("first defined here", firstMark)], documentIndex: documentCount))
        result[first] = pair
      } else {
        seen[key] = result.count
        result.append(pair)
      }
    }
    guard hasMerge else { return result }
    return applyMerges(pairs)
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
