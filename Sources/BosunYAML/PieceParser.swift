import BosunCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses a large input in pieces on several cores, when it can be cut where libyaml's reading
/// starts afresh, and gives exactly what one run over the whole input gives.
///
/// Two shapes qualify:
/// - a stream of several documents, cut at `---` lines, so every piece holds whole documents;
/// - one `List` document as `kubectl get -o yaml` writes it: a block mapping at column 0 whose
///   `items:` sequence has its entries at column 0. It is cut before entries (`- ` at column 0),
///   which can only start an entry there or sit inside a quoted scalar or a flow collection
///   (and then the piece before never closes it, and fails). The entries of the pieces are
///   joined into one sequence, and the keys after the sequence, parsed on their own, are joined
///   to the root mapping.
///
/// Anything unusual in a piece (a syntax error; for a List, any diagnostic, an alias, a merge
/// key or a key met twice) makes `parse` return nil, and the input is then read in one run,
/// which reports the problem exactly as usual.
enum PieceParser {
  /// Inputs smaller than this are read in one run: the threads would cost more than they save.
  static let minimumBytes = 1 << 20

  /// The whole stream, or nil when the input must be read in one run.
  ///
  /// By default an input is cut into four pieces a thread (of at least half a megabyte each),
  /// so that a thread freed by other work can take its share.
  static func parse(
    _ source: SourceText, limits: YAMLLimits, duplicateKeySeverity: YAMLDiagnostic.Severity,
    pieces: Int? = nil, minimumBytes: Int = minimumBytes, entryFilter: ListEntryFilter? = nil
  ) -> YAMLStream? {
    guard Parallel.width > 1 || pieces != nil else { return nil }
    let pieces = pieces ?? min(4 * Parallel.width, source.bytes.count / max(1, minimumBytes / 2))
    guard pieces > 1, source.bytes.count >= minimumBytes, let lines = Lines(source) else {
      return nil
    }
    if !lines.documentStarts.isEmpty {
      return documents(
        source, lines: lines, pieces: pieces, limits: limits,
        duplicateKeySeverity: duplicateKeySeverity)
    }
    return list(
      source, lines: lines, pieces: pieces, limits: limits,
      duplicateKeySeverity: duplicateKeySeverity, entryFilter: entryFilter)
  }

  // MARK: - Several documents

  private static func documents(
    _ source: SourceText, lines: Lines, pieces: Int, limits: YAMLLimits,
    duplicateKeySeverity: YAMLDiagnostic.Severity
  ) -> YAMLStream? {
    let cuts = cutLines(lines.documentStarts, source: source, pieces: pieces)
    guard !cuts.isEmpty else { return nil }
    let starts = [1] + cuts
    let ranges = starts.indices.map { index in
      (
        line: starts[index],
        end: index + 1 < starts.count
          ? source.lineStarts[starts[index + 1] - 1] : source.bytes.count
      )
    }
    let outcomes = Parallel.map(ranges) { range in
      ChunkParser(
        source: source, startLine: range.line, limits: limits,
        duplicateKeySeverity: duplicateKeySeverity, firstIndex: 0, endByte: range.end
      ).run()
    }
    guard outcomes.allSatisfy({ $0.failure == nil }) else { return nil }
    var documents: [YAMLDocument] = []
    var diagnostics: [YAMLDiagnostic] = []
    var offset = 0
    for outcome in outcomes {
      for var document in outcome.documents {
        document.index += offset
        documents.append(document)
      }
      for var diagnostic in outcome.diagnostics {
        diagnostic.documentIndex += offset
        diagnostics.append(diagnostic)
      }
      offset += outcome.nextDocumentIndex
    }
    return YAMLStream(source: source, documents: documents, diagnostics: diagnostics)
  }

  // MARK: - One List

  private static func list(
    _ source: SourceText, lines: Lines, pieces: Int, limits: YAMLLimits,
    duplicateKeySeverity: YAMLDiagnostic.Severity, entryFilter: ListEntryFilter?
  ) -> YAMLStream? {
    guard let items = lines.items, items.entries.count > 1 else { return nil }
    let cuts = cutLines(Array(items.entries.dropFirst()), source: source, pieces: pieces)
    guard !cuts.isEmpty else { return nil }
    let byteCount = source.bytes.count
    func start(_ line: Int) -> Int {
      line <= source.lineStarts.count ? source.lineStarts[line - 1] : byteCount
    }
    let endOfItems = start(items.endLine)
    // The first piece holds the keys before `items:` and the first entries; the last piece, the
    // keys after the sequence, if any.
    var ranges: [Piece] = [Piece(line: 1, end: start(cuts[0]), depth: 0, entryLevel: 2)]
    for (index, line) in cuts.enumerated() {
      let end = index + 1 < cuts.count ? start(cuts[index + 1]) : endOfItems
      ranges.append(Piece(line: line, end: end, depth: 1, entryLevel: 1))
    }
    let hasTail = endOfItems < byteCount
    if hasTail {
      ranges.append(Piece(line: items.endLine, end: byteCount, depth: 0, entryLevel: nil))
    }

    let outcomes = Parallel.map(ranges) { range in
      var pieceLimits = limits
      pieceLimits.maxDepth -= range.depth
      return ChunkParser(
        source: source, startLine: range.line, limits: pieceLimits,
        duplicateKeySeverity: duplicateKeySeverity, firstIndex: 0, endByte: range.end,
        entryFilter: range.entryLevel == nil ? nil : entryFilter, entryLevel: range.entryLevel ?? 2
      ).run()
    }
    guard
      outcomes.allSatisfy({
        $0.failure == nil && $0.diagnostics.isEmpty && !$0.usedAliasOrMerge && !$0.elisionUnsafe
      })
    else { return nil }

    // The root mapping, ending with `items:` and its first entries.
    guard outcomes[0].documents.count == 1 else { return nil }
    let first = outcomes[0].documents[0]
    var root = first.root
    guard root.style == .block, case .mapping(var pairs) = root.content, let last = pairs.last,
      last.key.style == .plain, last.key.details == nil, last.key.scalarText == "items",
      var sequence = plainBlock(last.value), case .sequence(var entries) = sequence.content
    else { return nil }
    root.content = .scalar("")
    pairs[pairs.count - 1].value.content = .scalar("")
    sequence.content = .scalar("")

    let entryPieces = hasTail ? outcomes.dropFirst().dropLast() : outcomes.dropFirst()
    for outcome in entryPieces {
      guard outcome.documents.count == 1, let piece = plainBlock(outcome.documents[0].root),
        case .sequence(let more) = piece.content, !more.isEmpty
      else { return nil }
      entries += more
    }
    sequence.content = .sequence(entries)
    pairs[pairs.count - 1].value = sequence

    if hasTail, let tail = outcomes.last {
      // Only comments may follow the sequence, or keys of the root that did not come before.
      guard tail.documents.count <= 1 else { return nil }
      if let document = tail.documents.first {
        guard let mapping = plainBlock(document.root), case .mapping(let more) = mapping.content
        else { return nil }
        var keys = Set<String>()
        for pair in pairs + more {
          guard let key = pair.key.canonicalKey, keys.insert(key).inserted else { return nil }
        }
        pairs += more
      }
    }
    // One run counts the same nodes, less the pieces' own roots.
    let tailRoot = hasTail && outcomes.last?.documents.isEmpty == false ? 1 : 0
    let pieceRoots = entryPieces.count + tailRoot
    guard outcomes.reduce(0, { $0 + $1.nodeCount }) - pieceRoots <= limits.maxDocumentNodes
    else { return nil }
    root.content = .mapping(pairs)
    return YAMLStream(
      source: source, documents: [YAMLDocument(root: root, index: 0, start: first.start)],
      diagnostics: [], hasPartialEntries: outcomes.contains { $0.elidedEntries })
  }

  private struct Piece: Sendable {
    var line: Int
    var end: Int
    /// How much deeper the piece's nodes sit in the whole document than in the piece.
    var depth: Int
    /// Where List entries sit on the piece's stack; nil for the keys after the sequence.
    var entryLevel: Int?
  }

  /// A block collection with no tag or anchor.
  private static func plainBlock(_ node: Node) -> Node? {
    guard node.style == .block, node.details == nil else { return nil }
    return node
  }

  /// Of the lines where a piece may start, the one nearest each even share of the input.
  private static func cutLines(_ candidates: [Int], source: SourceText, pieces: Int) -> [Int] {
    guard pieces > 1 else { return [] }
    var cuts: [Int] = []
    for share in 1..<pieces {
      let target = source.bytes.count * share / pieces
      // The first candidate starting at or after the target.
      var lo = 0
      var hi = candidates.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if source.lineStarts[candidates[mid] - 1] < target { lo = mid + 1 } else { hi = mid }
      }
      guard lo < candidates.count else { break }
      let line = candidates[lo]
      if line > 1, line > (cuts.last ?? 1) { cuts.append(line) }
    }
    return cuts
  }

  /// What one pass over the line starts tells: where documents start, and where a List's
  /// entries are. Nil when the input may not be cut at all: UTF-16, a directive (`%`), or a
  /// line break that libyaml counts and the line index does not (NEL, LS, PS), which would
  /// shift every later line number of a piece.
  private struct Lines {
    /// `---` lines after the first line.
    var documentStarts: [Int] = []
    /// Whether the input has `...` lines.
    var hasDocumentEnds = false
    /// The entries of a column-0 `items:` sequence.
    var items: (entries: [Int], endLine: Int)?

    init?(_ source: SourceText) {
      let bytes = source.bytes
      guard let lead = bytes.first, lead != 0xFE, lead != 0xFF,
        !Self.hasUnicodeLineBreak(bytes)
      else { return nil }
      var itemsLine: Int?
      var entries: [Int] = []
      var endLine: Int?
      let lineCount = source.lineStarts.count
      for line in 1...lineCount {
        let start = source.lineStarts[line - 1]
        guard start < bytes.count else { continue }
        let byte = bytes[start]
        if byte == UInt8(ascii: "%") { return nil }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."),
          source.isDocumentBoundary(line: line)
        {
          if byte == UInt8(ascii: "-") {
            if line > 1 { documentStarts.append(line) }
          } else {
            hasDocumentEnds = true
          }
          continue
        }
        guard endLine == nil else { continue }
        if itemsLine != nil {
          switch byte {
          case UInt8(ascii: "-"):
            let next = start + 1 < bytes.count ? bytes[start + 1] : 0x0A
            if next == 0x20 || next == 0x0A || next == 0x0D {
              entries.append(line)
            } else {
              endLine = line
            }
          case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "#"):
            break
          default:
            endLine = line
          }
        } else if Self.isItemsKey(bytes, from: start) {
          itemsLine = line
        }
      }
      if itemsLine != nil, !hasDocumentEnds, documentStarts.isEmpty,
        let firstEntry = entries.first, Self.onlyBlankBefore(firstEntry, after: itemsLine!, source)
      {
        items = (entries, endLine ?? lineCount + 1)
      }
    }

    /// Whether the line at `from` is `items:` followed by nothing but spaces.
    private static func isItemsKey(_ bytes: [UInt8], from: Int) -> Bool {
      let key = Array("items:".utf8)
      guard from + key.count <= bytes.count, bytes[from..<from + key.count].elementsEqual(key)
      else { return false }
      var i = from + key.count
      while i < bytes.count, bytes[i] == 0x20 { i += 1 }
      return i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D
    }

    /// Whether the lines between `items:` and the first entry are blank or comments.
    private static func onlyBlankBefore(_ entry: Int, after itemsLine: Int, _ source: SourceText)
      -> Bool
    {
      for line in (itemsLine + 1)..<entry {
        let text = source.line(line).drop { $0 == " " }
        if !text.isEmpty, text.first != "#" { return false }
      }
      return true
    }

    /// Whether the bytes hold U+0085, U+2028 or U+2029: their lead bytes are found with
    /// `memchr`, which nearly every file, all ASCII, passes through at once.
    private static func hasUnicodeLineBreak(_ bytes: [UInt8]) -> Bool {
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return false }
        let count = buffer.count
        /// Each place of `lead` with `follows` after it.
        func has(_ lead: UInt8, _ follows: (Int) -> Bool) -> Bool {
          var i = 0
          while i < count, let found = memchr(base + i, Int32(lead), count - i) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if follows(at) { return true }
            i = at + 1
          }
          return false
        }
        return has(0xC2) { $0 + 1 < count && base[$0 + 1] == 0x85 }
          || has(0xE2) {
            $0 + 2 < count && base[$0 + 1] == 0x80 && (base[$0 + 2] == 0xA8 || base[$0 + 2] == 0xA9)
          }
      }
    }
  }
}
