public import BosunCore
public import BosunYAML

/// Everything a `bosun check` run found, ready to be rendered in any output format.
public struct CheckReport: Sendable {
  /// Every diagnostic, already in output order (file, line, column, code).
  public var diagnostics: [Diagnostic]
  /// One entry per object found, in input order; JUnit makes one testcase of each.
  public var objects: [ObjectResult]
  /// Counts for the summary line.
  public var summary: CheckSummary
  /// The inputs by file name, so the text format can show code frames.
  public var sources: [String: SourceText]
  /// What each diagnostic code means, for SARIF rule metadata and `--format json`.
  public var codes: [String: CodeInfo]
  /// The version of Bosun that produced the report.
  public var toolVersion: String
  /// Bosun's home page, for SARIF's `tool.driver.informationUri`; omitted there when nil.
  public var toolInformationURI: String? = nil

  /// Creates a report.
  public init(
    diagnostics: [Diagnostic], objects: [ObjectResult], summary: CheckSummary,
    sources: [String: SourceText], codes: [String: CodeInfo], toolVersion: String
  ) {
    self.diagnostics = diagnostics
    self.objects = objects
    self.summary = summary
    self.sources = sources
    self.codes = codes
    self.toolVersion = toolVersion
  }
}

/// The verdict on one object, in the kubeconform sense.
public enum ObjectStatus: String, Sendable, CaseIterable {
  /// No finding at or above the failure threshold.
  case valid
  /// At least one finding at or above the failure threshold.
  case invalid
  /// The object could not be read at all (no kind, not a mapping).
  case error
  /// Not checked (e.g. excluded by configuration).
  case skipped
}

/// One object and what was found on it.
public struct ObjectResult: Sendable {
  /// Who it is; nil when the document is too broken to tell.
  public var reference: ObjectReference?
  /// Where the object starts.
  public var location: SourceLocation
  /// The template path from helm's `# Source:` comment, when present.
  public var templateSource: String?
  /// The verdict.
  public var status: ObjectStatus
  /// The diagnostics about this object (a subset of `CheckReport.diagnostics`).
  public var diagnostics: [Diagnostic]

  /// Creates a result.
  public init(
    reference: ObjectReference?, location: SourceLocation, templateSource: String?,
    status: ObjectStatus, diagnostics: [Diagnostic]
  ) {
    self.reference = reference
    self.location = location
    self.templateSource = templateSource
    self.status = status
    self.diagnostics = diagnostics
  }
}

/// Counts for the summary line: files, documents and objects by status, findings by severity.
public struct CheckSummary: Sendable, Equatable {
  /// Files read (stdin counts as one).
  public var files: Int
  /// YAML documents found, broken ones included.
  public var documents: Int
  /// Objects by status.
  public var objects: [ObjectStatus: Int]
  /// Empty documents (only comments, or `---` with nothing).
  public var emptyDocuments: Int
  /// Findings by severity.
  public var findings: [Severity: Int]

  /// Creates a summary.
  public init(
    files: Int, documents: Int, objects: [ObjectStatus: Int], emptyDocuments: Int,
    findings: [Severity: Int]
  ) {
    self.files = files
    self.documents = documents
    self.objects = objects
    self.emptyDocuments = emptyDocuments
    self.findings = findings
  }

  /// All objects, whatever their status.
  public var objectCount: Int { objects.values.reduce(0, +) }
}

/// What a diagnostic code means.
public struct CodeInfo: Sendable, Equatable {
  /// The code, e.g. `yaml.duplicate-key`.
  public var code: String
  /// One line saying what the check looks for.
  public var summary: String
  /// The severity it has unless configured otherwise.
  public var defaultSeverity: Severity
  /// Where to read more, when there is a page.
  public var helpURI: String?

  /// Creates a description.
  public init(code: String, summary: String, defaultSeverity: Severity, helpURI: String? = nil) {
    self.code = code
    self.summary = summary
    self.defaultSeverity = defaultSeverity
    self.helpURI = helpURI
  }
}
