public import BosunCore
public import BosunYAML

/// One Kubernetes object found in the input, with everything needed to report on it.
///
/// For an item of a `kind: List`, `node` is the item and `pointerInDocument` says where it sits
/// (`/items/3`); positions stay exact because every node carries its own file-absolute mark.
public struct Resource: Sendable {
  /// Who the object is.
  public var identity: ObjectIdentity
  /// The object's root node.
  public var node: Node
  /// The file it came from, as the user named it.
  public var file: String
  /// The 0-based index of its document in the file.
  public var documentIndex: Int
  /// Where the object sits in its document: empty, or `/items/N` inside a List.
  public var pointerInDocument: JSONPointer
  /// The template path from helm's `# Source:` comment, when present.
  public var templateSource: String?

  /// Creates a resource.
  public init(
    identity: ObjectIdentity, node: Node, file: String, documentIndex: Int,
    pointerInDocument: JSONPointer = .root, templateSource: String? = nil
  ) {
    self.identity = identity
    self.node = node
    self.file = file
    self.documentIndex = documentIndex
    self.pointerInDocument = pointerInDocument
    self.templateSource = templateSource
  }

  /// Where the object starts.
  public var location: SourceLocation { location(of: .root) }

  /// Where a finding about `pointer` (relative to this object) belongs: the key of a field, the
  /// item of a list, or the nearest existing parent of a missing field.
  public func location(of pointer: JSONPointer) -> SourceLocation {
    let mark = node.location(of: pointer).mark
    return SourceLocation(file: file, line: Int(mark.line), column: Int(mark.column))
  }

  /// A diagnostic about this object, positioned through `pointer`.
  public func diagnostic(
    _ severity: Severity, code: String, message: String, at pointer: JSONPointer,
    notes: [Diagnostic.Note] = []
  ) -> Diagnostic {
    Diagnostic(
      severity, code: code, message: message, location: location(of: pointer), pointer: pointer,
      object: identity.reference, templateSource: templateSource, notes: notes)
  }

  /// `metadata.labels` as a dictionary (non-string values are skipped; the schema reports them).
  public var labels: [String: String] { stringMap(at: "metadata", "labels") }

  /// `metadata.annotations` as a dictionary.
  public var annotations: [String: String] { stringMap(at: "metadata", "annotations") }

  private func stringMap(at path: String...) -> [String: String] {
    var current: Node? = node
    for key in path { current = current?[key] }
    var result: [String: String] = [:]
    for pair in current?.pairs ?? [] {
      if let value = pair.value.scalarText { result[pair.key.keyString] = value }
    }
    return result
  }
}
