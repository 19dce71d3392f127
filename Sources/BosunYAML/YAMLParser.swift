internal import CYAML

/// Reads a YAML (or JSON) stream into documents with positions, the way Kubernetes reads it.
///
/// A broken document is reported with its position, and parsing resumes at the next line that
/// starts a document (`---` or `...`), so one bad document never hides the others.
public enum YAMLParser {
  /// Parses a whole input.
  ///
  /// - Parameters:
  ///   - bytes: the file's bytes (UTF-8, or UTF-16 with a BOM).
  ///   - file: the name used in diagnostics.
  ///   - limits: bounds against hostile input.
  ///   - duplicateKeySeverity: `.warning` by default, `.error` under `--strict`.
  ///   - entryFilter: which entries of a List to build whole; nil builds everything. When what
  ///     it skipped could change the result, the input is read again without it.
  public static func parse(
    _ bytes: [UInt8], file: String, limits: YAMLLimits = .standard,
    duplicateKeySeverity: YAMLDiagnostic.Severity = .warning,
    entryFilter: ListEntryFilter? = nil
  ) -> YAMLStream {
    let source = SourceText(file: file, bytes: bytes)
    if entryFilter != nil {
      let stream = parse(
        source, limits: limits, duplicateKeySeverity: duplicateKeySeverity,
        entryFilter: entryFilter)
      if !stream.elisionUnsafe { return stream }
    }
    return parse(
      source, limits: limits, duplicateKeySeverity: duplicateKeySeverity, entryFilter: nil)
  }

  private static func parse(
    _ source: SourceText, limits: YAMLLimits, duplicateKeySeverity: YAMLDiagnostic.Severity,
    entryFilter: ListEntryFilter?
  ) -> YAMLStream {
    let bytes = source.bytes
    var documents: [YAMLDocument] = []
    var diagnostics: [YAMLDiagnostic] = []
    if bytes.count > limits.maxInputBytes {
      diagnostics.append(
        YAMLDiagnostic(
          code: "yaml.too-large",
          message: "input is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes)",
          mark: Mark(line: 1, column: 1), severity: .error, notes: [], documentIndex: 0))
      return YAMLStream(source: source, documents: [], diagnostics: diagnostics)
    }
    if let stream = PieceParser.parse(
      source, limits: limits, duplicateKeySeverity: duplicateKeySeverity,
      entryFilter: entryFilter)
    {
      return stream
    }
    var elided = false
    var unsafe = false
    var startLine = 1
    var documentIndex = 0
    while true {
      let chunk = ChunkParser(
        source: source, startLine: startLine, limits: limits,
        duplicateKeySeverity: duplicateKeySeverity, firstIndex: documentIndex,
        entryFilter: entryFilter)
      let outcome = chunk.run()
      elided = elided || outcome.elidedEntries
      unsafe = unsafe || outcome.elisionUnsafe
      documents += outcome.documents
      diagnostics += outcome.diagnostics
      documentIndex = outcome.nextDocumentIndex
      guard var failure = outcome.failure else { break }
      let from = max(Int(failure.mark.line), startLine + 1)
      let resume =
        from <= source.lineCount
        ? (from...source.lineCount).first { source.isDocumentBoundary(line: $0) } : nil
      if let resume {
        failure.notes.append(("parsing resumed at line \(resume), the next document marker", nil))
      } else {
        failure.notes.append(
          ("no document marker follows, so the rest of this file could not be checked", nil))
      }
      diagnostics.append(failure)
      guard let resume else { break }
      startLine = resume
    }
    return YAMLStream(
      source: source, documents: documents, diagnostics: diagnostics, hasPartialEntries: elided,
      elisionUnsafe: unsafe)
  }
}

/// One libyaml run over the input from a given line to the first error or the end (of the
/// input, or of the piece that `endByte` closes). Owns the C parser and frees it in `deinit`;
/// no C type leaves this file.
final class ChunkParser {
  struct Outcome: Sendable {
    var documents: [YAMLDocument]
    var diagnostics: [YAMLDiagnostic]
    var failure: YAMLDiagnostic?
    var nextDocumentIndex: Int
    /// Nodes built, not counting alias expansion.
    var nodeCount = 0
    /// Whether an alias or a merge key was met.
    var usedAliasOrMerge = false
    /// Whether some List entry was built in part.
    var elidedEntries = false
    /// Whether the entry filter's result may differ from a whole reading.
    var elisionUnsafe = false
  }

  /// The C parser lives at a fixed address owned by this object: no Swift exclusivity checks
  /// on every event, as a stored `var` would need.
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let source: SourceText
  private let startLine: Int
  private let startByte: Int
  private let endByte: Int
  private let firstIndex: Int
  private let limits: YAMLLimits
  private let duplicateKeySeverity: YAMLDiagnostic.Severity
  private let entryFilter: ListEntryFilter?
  private let entryLevel: Int

  init(
    source: SourceText, startLine: Int, limits: YAMLLimits,
    duplicateKeySeverity: YAMLDiagnostic.Severity, firstIndex: Int, endByte: Int? = nil,
    entryFilter: ListEntryFilter? = nil, entryLevel: Int = 2
  ) {
    self.entryFilter = entryFilter
    self.entryLevel = entryLevel
    self.source = source
    self.startLine = startLine
    self.startByte = source.lineStarts[startLine - 1]
    self.endByte = endByte ?? source.bytes.count
    self.firstIndex = firstIndex
    self.limits = limits
    self.duplicateKeySeverity = duplicateKeySeverity
    self.parser = .allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    yaml_parser_initialize(parser)
  }

  deinit {
    yaml_parser_delete(parser)
    parser.deallocate()
  }

  private func mark(_ m: yaml_mark_t) -> Mark {
    Mark(line: Int(m.line) + startLine, column: Int(m.column) + 1)
  }

  func run() -> Outcome {
    var failure: YAMLDiagnostic?
    var composer = Composer(
      limits: limits, duplicateKeySeverity: duplicateKeySeverity, firstIndex: firstIndex,
      entryFilter: entryFilter, entryLevel: entryLevel)
    source.bytes.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress.map { $0 + startByte }
      yaml_parser_set_input_string(parser, base, endByte - startByte)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(parser, &event) == 1 else {
          failure = parserError(documentIndex: composer.documentCount)
          return
        }
        defer { yaml_event_delete(&event) }
        if handle(&event, into: &composer) { return }
      }
    }
    if failure != nil, composer.inDocument {
      // The open document is lost; count it so later indexes stay true.
      composer.endDocumentAbandoned()
    }
    return Outcome(
      documents: composer.documents, diagnostics: composer.diagnostics, failure: failure,
      nextDocumentIndex: composer.documentCount, nodeCount: composer.nodeCount,
      usedAliasOrMerge: composer.usedAliasOrMerge, elidedEntries: composer.elidedEntries,
      elisionUnsafe: composer.elisionUnsafe)
  }

  /// Feeds one event to the composer; returns true at the end of the stream.
  private func handle(_ event: inout yaml_event_t, into composer: inout Composer) -> Bool {
    let start = mark(event.start_mark)
    if composer.isSkipping { return skip(&event, at: start, into: &composer) }
    switch event.type {
    case YAML_STREAM_END_EVENT:
      return true
    case YAML_DOCUMENT_START_EVENT:
      composer.beginDocument(at: start)
    case YAML_DOCUMENT_END_EVENT:
      composer.endDocument()
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      let text = String(
        decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
      let style: Node.Style
      switch data.style {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
      case YAML_LITERAL_SCALAR_STYLE: style = .literal
      case YAML_FOLDED_SCALAR_STYLE: style = .folded
      default: style = .plain
      }
      composer.scalar(
        text, mark: start, style: style, tag: Self.string(data.tag),
        anchor: Self.string(data.anchor))
    case YAML_ALIAS_EVENT:
      composer.alias(Self.string(event.data.alias.anchor) ?? "", mark: start)
    case YAML_SEQUENCE_START_EVENT:
      let data = event.data.sequence_start
      composer.startCollection(
        mapping: false, mark: start, flow: data.style == YAML_FLOW_SEQUENCE_STYLE,
        tag: Self.string(data.tag), anchor: Self.string(data.anchor))
    case YAML_MAPPING_START_EVENT:
      let data = event.data.mapping_start
      composer.startCollection(
        mapping: true, mark: start, flow: data.style == YAML_FLOW_MAPPING_STYLE,
        tag: Self.string(data.tag), anchor: Self.string(data.anchor))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      composer.endCollection()
    default:
      break
    }
    return false
  }

  /// Feeds one event of an entry's unbuilt part to the composer, making no string.
  private func skip(_ event: inout yaml_event_t, at start: Mark, into composer: inout Composer)
    -> Bool
  {
    switch event.type {
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      composer.skipScalar(
        UnsafeBufferPointer(start: data.value, count: data.length),
        plain: data.style == YAML_PLAIN_SCALAR_STYLE, tagged: data.tag != nil,
        anchored: data.anchor != nil, mark: start)
    case YAML_ALIAS_EVENT:
      composer.skipAlias()
    case YAML_SEQUENCE_START_EVENT:
      composer.skipCollectionStart(
        mapping: false, anchored: event.data.sequence_start.anchor != nil, mark: start)
    case YAML_MAPPING_START_EVENT:
      composer.skipCollectionStart(
        mapping: true, anchored: event.data.mapping_start.anchor != nil, mark: start)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      composer.endCollection()
    case YAML_STREAM_END_EVENT:
      return true
    default:
      break
    }
    return false
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  /// What libyaml's terse messages usually mean in a manifest.
  private static let hints: [String: String] = [
    "did not find expected key":
      "this line is indented differently from the mapping it seems to belong to",
    "mapping values are not allowed in this context":
      "a `key: value` where a plain value was expected; quote values that contain ': '",
    "found unexpected end of stream": "a quote or bracket opened earlier is never closed",
    "found unexpected document indicator": "a quote opened earlier is never closed",
    "did not find expected '-' indicator": "a list item is indented differently from the list",
    "could not find expected ':'": "a key is missing its ':' or a quote is never closed",
    "found undefined tag handle": "a `!` starts an unknown tag; quote the value",
    "found character that cannot start any token":
      "characters such as `@`, `` ` `` or `%` cannot start a plain value; quote it",
  ]

  /// Turns libyaml's error fields into a positioned diagnostic.
  private func parserError(documentIndex: Int) -> YAMLDiagnostic {
    let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unknown YAML error"
    var notes: [(message: String, mark: Mark?)] = []
    if let context = parser.pointee.context.map({ String(cString: $0) }) {
      notes.append(("\(context) started here", mark(parser.pointee.context_mark)))
    }
    let at: Mark
    var code = "yaml.syntax"
    var message = problem
    if parser.pointee.error == YAML_READER_ERROR {
      at = source.mark(atByte: startByte + Int(parser.pointee.problem_offset))
      code = "yaml.encoding"
      message =
        parser.pointee.problem_value == -1
        ? "\(problem); the file must be UTF-8"
        : "\(problem) (byte 0x\(String(UInt8(truncatingIfNeeded: parser.pointee.problem_value), radix: 16))); the file must be UTF-8"
    } else {
      at = mark(parser.pointee.problem_mark)
      if problem.contains("cannot start any token"), let offset = source.byteOffset(of: at),
        offset < source.bytes.count, source.bytes[offset] == 0x09
      {
        code = "yaml.tab"
        message = "tab character where YAML expects indentation or a value; use spaces"
        notes.removeAll()
      } else if let hint = Self.hints.first(where: { problem.hasPrefix($0.key) })?.value {
        message = "\(problem): \(hint)"
      }
    }
    return YAMLDiagnostic(
      code: code, message: message, mark: at, severity: .error, notes: notes,
      documentIndex: documentIndex)
  }
}
