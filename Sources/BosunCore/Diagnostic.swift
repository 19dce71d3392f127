/// One finding of any stage: YAML, model, schema, rules, diff, plan, simulation.
///
/// The `code` is stable and machine-readable (`yaml.duplicate-key`, `object.missing-kind`);
/// tests and tools match on it and on `pointer`, never on `message`.
public struct Diagnostic: Hashable, Sendable {
  /// A secondary position with its own short message, e.g. "first defined here".
  public struct Note: Hashable, Sendable {
    /// What the note says.
    public var message: String
    /// Where it points, if anywhere.
    public var location: SourceLocation?

    /// Creates a note.
    public init(_ message: String, at location: SourceLocation? = nil) {
      self.message = message
      self.location = location
    }
  }

  /// How serious it is.
  public var severity: Severity
  /// Stable code, `stage.name`.
  public var code: String
  /// Lowercase, no trailing period, written for someone fixing a manifest at 2 a.m.
  public var message: String
  /// Where in the input, when known.
  public var location: SourceLocation?
  /// Where inside the object, when the finding is about a field.
  public var pointer: JSONPointer?
  /// The object it concerns, when known.
  public var object: ObjectReference?
  /// The template path from a `# Source:` comment of `helm template` output.
  public var templateSource: String?
  /// Secondary positions and hints.
  public var notes: [Note]

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, code: String, message: String, location: SourceLocation? = nil,
    pointer: JSONPointer? = nil, object: ObjectReference? = nil, templateSource: String? = nil,
    notes: [Note] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.pointer = pointer
    self.object = object
    self.templateSource = templateSource
    self.notes = notes
  }

  /// The deterministic output order: file, line, column, code, then message.
  public static func outputOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    let l = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
    let r = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
    if l != r { return l < r }
    if lhs.code != rhs.code { return lhs.code < rhs.code }
    return lhs.message < rhs.message
  }
}
