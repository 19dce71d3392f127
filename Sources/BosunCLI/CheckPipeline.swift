public import BosunCore
import BosunModel
public import BosunReport
import BosunYAML

/// What `bosun check` does once its inputs are read: parse, build objects, check, and collect a
/// report. No I/O happens here, so tests drive it directly.
public struct CheckPipeline {
  /// Settings of one run.
  public struct Options: Sendable {
    /// Duplicate keys (and, with schemas, unknown fields) become errors.
    public var strict = false
    /// Findings at or above this severity fail the run (exit 1).
    public var failOn: Severity = .error
    /// Zero objects is not an error.
    public var allowEmpty = false
    /// The namespace given to namespaced objects that name none.
    public var defaultNamespace = "default"
    /// Limits against hostile YAML.
    public var limits = YAMLLimits.standard

    /// The defaults.
    public init() {}
  }

  /// The settings.
  public var options: Options

  /// Creates a pipeline.
  public init(options: Options = Options()) { self.options = options }

  /// Checks the inputs; `inputDiagnostics` are problems met while collecting them.
  public func run(_ files: [InputFile], inputDiagnostics: [Diagnostic] = []) -> CheckOutcome {
    var all = inputDiagnostics
    var fileDiagnostics: [Diagnostic] = []
    var sources: [String: SourceText] = [:]
    var manifests = ManifestSet(defaultNamespace: options.defaultNamespace)
    var brokenInput = inputDiagnostics.contains { $0.severity == .error }
    for file in files {
      let stream = YAMLParser.parse(
        file.bytes, file: file.name, limits: options.limits,
        duplicateKeySeverity: options.strict ? .error : .warning)
      sources[file.name] = stream.source
      for problem in stream.diagnostics {
        if problem.severity == .error { brokenInput = true }
        fileDiagnostics.append(Self.diagnostic(problem, file: file.name))
      }
      let objectsBefore = manifests.resources.count
      manifests.add(stream)
      if manifests.resources.count == objectsBefore, stream.diagnostics.isEmpty {
        fileDiagnostics.append(
          Diagnostic(
            .warning, code: "input.empty-file",
            message: stream.documents.isEmpty
              ? "\(file.name) holds no YAML documents (it is empty or only comments)"
              : "\(file.name) holds only empty documents",
            location: SourceLocation(file: file.name, line: 1, column: 1)))
      }
    }
    manifests.reportDuplicates()
    fileDiagnostics += manifests.diagnostics
    all += fileDiagnostics

    var objects: [ObjectResult] = []
    for (index, resource) in manifests.resources.enumerated() {
      let found = manifests.resourceDiagnostics[index].sorted(by: Diagnostic.outputOrder)
      all += found
      let unreadable = found.contains { $0.code == "object.missing-kind" }
      let failing = found.contains { $0.severity >= options.failOn }
      objects.append(
        ObjectResult(
          reference: resource.identity.reference, location: resource.location,
          templateSource: resource.templateSource,
          status: unreadable ? .error : (failing ? .invalid : .valid), diagnostics: found))
    }
    if manifests.resources.isEmpty && !options.allowEmpty {
      all.append(
        Diagnostic(
          .error, code: "input.no-objects",
          message: files.isEmpty
            ? "no manifest files found (.yaml, .yml or .json); pass --allow-empty if that is expected"
            : "no Kubernetes objects found in \(files.count) file(s); pass --allow-empty if that is expected"
        ))
      brokenInput = true
    }
    all.sort(by: Diagnostic.outputOrder)

    var byStatus: [ObjectStatus: Int] = [:]
    for object in objects { byStatus[object.status, default: 0] += 1 }
    var bySeverity: [Severity: Int] = [:]
    for diagnostic in all { bySeverity[diagnostic.severity, default: 0] += 1 }
    let summary = CheckSummary(
      files: files.count, documents: manifests.documentCount, objects: byStatus,
      emptyDocuments: manifests.emptyDocumentCount, findings: bySeverity)
    let report = CheckReport(
      diagnostics: all, objects: objects, summary: summary, sources: sources,
      codes: DiagnosticCodes.catalogue(for: all), toolVersion: BosunVersion.current)

    let exitCode: Int32
    if brokenInput {
      exitCode = BosunExitCode.inputError
    } else if all.contains(where: { $0.severity >= options.failOn }) {
      exitCode = BosunExitCode.findings
    } else {
      exitCode = BosunExitCode.success
    }
    return CheckOutcome(report: report, exitCode: exitCode)
  }

  static func diagnostic(_ problem: YAMLDiagnostic, file: String) -> Diagnostic {
    Diagnostic(
      problem.severity == .error ? .error : .warning, code: problem.code,
      message: problem.message,
      location: SourceLocation(
        file: file, line: Int(problem.mark.line), column: Int(problem.mark.column)),
      notes: problem.notes.map { note in
        Diagnostic.Note(
          note.message,
          at: note.mark.map {
            SourceLocation(file: file, line: Int($0.line), column: Int($0.column))
          })
      })
  }
}

/// A finished check: the report and the exit code it calls for.
public struct CheckOutcome: Sendable {
  /// Everything found.
  public var report: CheckReport
  /// 0, 1 or 2; see `BosunExitCode`.
  public var exitCode: Int32
}

/// Bosun's exit codes, the same for every command.
public enum BosunExitCode {
  /// Nothing at or above the failure threshold.
  public static let success: Int32 = 0
  /// Findings at or above the threshold (for diff and plan: changes).
  public static let findings: Int32 = 1
  /// Input could not be read or parsed, no objects were found, or a plan would fail.
  public static let inputError: Int32 = 2
  /// The command line itself was wrong.
  public static let usage: Int32 = 64
}
