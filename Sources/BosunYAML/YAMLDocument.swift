/// One document of a YAML stream.
public struct YAMLDocument: Sendable {
  /// The root node.
  public var root: Node
  /// 0-based position of the document in its stream, counting broken documents too.
  public var index: Int
  /// Where the document starts: its `---`, or its first node when the marker is implicit.
  public var start: Mark

  /// Creates a document.
  public init(root: Node, index: Int, start: Mark) {
    self.root = root
    self.index = index
    self.start = start
  }
}

/// A parsed stream: the documents that could be read and the problems found on the way.
public struct YAMLStream: Sendable {
  /// The input text with its line index.
  public var source: SourceText
  /// Every document that parsed, in order.
  public var documents: [YAMLDocument]
  /// YAML problems (syntax, encoding, duplicate keys, limits), positioned.
  public var diagnostics: [YAMLDiagnostic]
  /// Whether a `ListEntryFilter` had some entry built only in part (`Node.isPartial`).
  public var hasPartialEntries = false
  /// Whether what was skipped may make this differ from a whole reading.
  var elisionUnsafe = false
}

/// A YAML-level problem, positioned in the file.
public struct YAMLDiagnostic: Sendable, Equatable {
  /// Whether the document it occurred in was lost.
  public enum Severity: Sendable, Equatable { case warning, error }

  /// `yaml.syntax`, `yaml.encoding`, `yaml.tab`, `yaml.duplicate-key`, `yaml.undefined-alias`,
  /// `yaml.alias-expansion`, `yaml.too-deep`, `yaml.too-large`, `yaml.complex-key`, `yaml.merge`.
  public var code: String
  /// What is wrong, lowercase, no trailing period.
  public var message: String
  /// Where.
  public var mark: Mark
  /// Error, or a warning that lost nothing.
  public var severity: Severity
  /// Secondary positions.
  public var notes: [(message: String, mark: Mark?)]
  /// The 0-based index of the document concerned.
  public var documentIndex: Int

  public static func == (lhs: YAMLDiagnostic, rhs: YAMLDiagnostic) -> Bool {
    lhs.code == rhs.code && lhs.message == rhs.message && lhs.mark == rhs.mark
      && lhs.severity == rhs.severity && lhs.documentIndex == rhs.documentIndex
  }
}
