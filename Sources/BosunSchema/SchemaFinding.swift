public import BosunCore
public import BosunYAML

/// One schema problem in a document, with the Kubernetes versions it applies to.
///
/// Tests and tools match `code` and `pointer`; `message` is for people.
public struct SchemaFinding: Hashable, Sendable {
  /// Stable code starting with `schema.`: `schema.required`, `schema.type`, `schema.enum`,
  /// `schema.format`, `schema.unknown-field`, `schema.unknown-kind`, `schema.removed-api`,
  /// `schema.unserved-api`, `schema.deprecated-api`, `schema.duplicate-list-key`,
  /// `schema.coerced-string`, `schema.range`, `schema.pattern`, `schema.not-evaluated`.
  public var code: String
  /// How serious it is.
  public var severity: Severity
  /// Lowercase, no trailing period.
  public var message: String
  /// The offending node; for a missing required field, its parent.
  public var pointer: JSONPointer
  /// The checked versions in which the problem exists.
  public var versions: VersionSet
  /// A field name the user probably meant, for misspelt unknown fields.
  public var suggestion: String?

  /// Creates a finding.
  public init(
    code: String, severity: Severity, message: String, pointer: JSONPointer,
    versions: VersionSet, suggestion: String? = nil
  ) {
    self.code = code
    self.severity = severity
    self.message = message
    self.pointer = pointer
    self.versions = versions
    self.suggestion = suggestion
  }

  /// The finding as a diagnostic positioned in `file`, where `root` is the document's root
  /// node. When the finding does not apply to every checked version, a note names the versions.
  public func diagnostic(
    file: String, root: Node, checked: VersionSet, object: ObjectReference? = nil
  ) -> Diagnostic {
    let mark = root.location(of: pointer).mark
    var notes: [Diagnostic.Note] = []
    if versions != checked {
      notes.append(Diagnostic.Note("applies to Kubernetes \(versions) only"))
    }
    return Diagnostic(
      severity, code: code, message: message,
      location: SourceLocation(file: file, line: Int(mark.line), column: Int(mark.column)),
      pointer: pointer, object: object, notes: notes)
  }
}

/// The outcome of validating one document for several versions: every finding, and which
/// versions accept it.
public struct SchemaVerdict: Sendable {
  /// Every finding, ordered by pointer, then code.
  public var findings: [SchemaFinding]
  /// The versions checked.
  public var checked: VersionSet

  /// Creates a verdict.
  public init(findings: [SchemaFinding], checked: VersionSet) {
    self.findings = findings
    self.checked = checked
  }

  /// Versions in which some error applies.
  public var invalidVersions: VersionSet {
    findings.filter { $0.severity == .error }.reduce(VersionSet.empty) { $0.union($1.versions) }
      .intersection(checked)
  }

  /// Versions in which no error applies.
  public var validVersions: VersionSet { checked.subtracting(invalidVersions) }

  /// The version matrix in one line: `valid in 1.25–1.28; invalid in 1.29–1.37`.
  public var summary: String {
    let valid = validVersions
    let invalid = invalidVersions
    if invalid.isEmpty { return "valid in \(checked)" }
    if valid.isEmpty { return "invalid in \(checked)" }
    return "valid in \(valid); invalid in \(invalid)"
  }
}
