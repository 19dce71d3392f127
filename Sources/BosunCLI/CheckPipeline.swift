public import BosunCore
public import BosunModel
public import BosunReport
public import BosunRules
public import BosunSchema
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
    /// Validate against the bundled Kubernetes API schemas.
    public var schemas = true
    /// The Kubernetes versions to validate against; empty means the newest bundled one.
    public var kubernetesVersions: [KubernetesVersion] = []
    /// Warn about APIs that are gone by this version (`--target-version`).
    public var targetVersion: KubernetesVersion?
    /// A custom resource without a schema is an error rather than a warning.
    public var requireSchemas = false
    /// Files holding CustomResourceDefinitions to validate custom resources against (`--crd`).
    public var crdFiles: [InputFile] = []
    /// Run the rules.
    public var rules = true
    /// Rule settings from `.bosun.yaml` and the command line.
    public var ruleConfiguration = RuleConfiguration()
    /// Report only findings not recorded in this baseline.
    public var baseline: Baseline?

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
    var brokenInput = inputDiagnostics.contains {
      $0.severity == .error && !$0.code.hasPrefix("suppression.")
    }
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

    var perObject = manifests.resourceDiagnostics
    if options.schemas {
      let (found, problems) = schemaDiagnostics(manifests.resources)
      for (index, diagnostics) in found.enumerated() { perObject[index] += diagnostics }
      all += problems
    }
    if options.rules {
      let found = RuleEngine(configuration: options.ruleConfiguration)
        .check(manifests.resources, sources: sources)
      for (index, diagnostics) in Self.assign(found, to: manifests.resources) {
        if let index { perObject[index] += diagnostics } else { all += diagnostics }
      }
    }
    if let baseline = options.baseline {
      perObject = perObject.map { baseline.newFindings(in: $0, resources: manifests.resources) }
    }

    SecretRedaction.apply(to: manifests.resources, diagnostics: &perObject, sources: &sources)

    var objects: [ObjectResult] = []
    for (index, resource) in manifests.resources.enumerated() {
      let found = perObject[index].sorted(by: Diagnostic.outputOrder)
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
      codes: DiagnosticCodes.catalogue(for: all, rules: options.rules),
      toolVersion: BosunVersion.current)

    let exitCode: Int32
    if brokenInput {
      exitCode = BosunExitCode.inputError
    } else if all.contains(where: { $0.severity >= options.failOn }) {
      exitCode = BosunExitCode.findings
    } else {
      exitCode = BosunExitCode.success
    }
    return CheckOutcome(report: report, exitCode: exitCode, resources: manifests.resources)
  }

  /// Validates every object against the schemas of the chosen versions; returns the findings per
  /// object and the problems with `--crd` files.
  func schemaDiagnostics(_ resources: [Resource]) -> ([[Diagnostic]], [Diagnostic]) {
    let catalog: SchemaCatalog
    do {
      catalog = try SchemaCatalog.bundled()
    } catch {
      return (
        resources.map { _ in [] },
        [
          Diagnostic(
            .error, code: "schema.catalogue-unavailable",
            message: "the bundled API schemas could not be loaded: \(error)")
        ]
      )
    }
    let versions =
      options.kubernetesVersions.isEmpty ? [catalog.newestVersion] : options.kubernetesVersions
    var validator = SchemaValidator(
      catalog: catalog, strict: options.strict, requireSchemas: options.requireSchemas)
    var problems: [Diagnostic] = []
    for file in options.crdFiles {
      let stream = YAMLParser.parse(file.bytes, file: file.name, limits: options.limits)
      problems += stream.diagnostics.map { Self.diagnostic($0, file: file.name) }
      var found = 0
      for document in stream.documents {
        let roots = document.root["items"]?.items ?? [document.root]
        for root in roots where CustomResourceSchemas.isDefinition(root) {
          found += 1
          _ = validator.customResources.add(definition: root, versions: VersionSet(versions))
        }
      }
      if found == 0, stream.diagnostics.isEmpty {
        problems.append(
          Diagnostic(
            .warning, code: "input.no-crds",
            message: "\(file.name) was given with --crd but holds no CustomResourceDefinition",
            location: SourceLocation(file: file.name, line: 1, column: 1)))
      }
    }
    let verdicts = validator.validate(documents: resources.map(\.node), versions: versions)
    var perObject: [[Diagnostic]] = []
    for (resource, verdict) in zip(resources, verdicts) {
      var found = verdict.findings.map { finding in
        var diagnostic = finding.diagnostic(
          file: resource.file, root: resource.node, checked: verdict.checked,
          object: resource.identity.reference)
        diagnostic.templateSource = resource.templateSource
        return diagnostic
      }
      if !verdict.validVersions.isEmpty, !verdict.invalidVersions.isEmpty,
        let first = found.firstIndex(where: { $0.severity == .error })
      {
        found[first].notes.append(Diagnostic.Note(verdict.summary))
      }
      if let target = options.targetVersion,
        let upgrade = APILifecycle.upgradeFinding(
          apiVersion: resource.identity.apiVersion, kind: resource.identity.kind, target: target,
          catalog: catalog),
        !found.contains(where: { $0.code == upgrade.code })
      {
        var diagnostic = upgrade.diagnostic(
          file: resource.file, root: resource.node, checked: verdict.checked,
          object: resource.identity.reference)
        diagnostic.notes = []
        diagnostic.templateSource = resource.templateSource
        found.append(diagnostic)
      }
      perObject.append(found)
    }
    return (perObject, problems)
  }

  /// Matches rule findings to the objects they are about (by object and file, then the nearest
  /// object starting at or before the finding); nil collects findings about no object.
  static func assign(_ diagnostics: [Diagnostic], to resources: [Resource]) -> [Int?: [Diagnostic]]
  {
    var byReference: [ObjectReference: [Int]] = [:]
    for (index, resource) in resources.enumerated() {
      byReference[resource.identity.reference, default: []].append(index)
    }
    var result: [Int?: [Diagnostic]] = [:]
    for diagnostic in diagnostics {
      guard let object = diagnostic.object, let candidates = byReference[object] else {
        result[nil, default: []].append(diagnostic)
        continue
      }
      let inFile = candidates.filter { resources[$0].file == diagnostic.location?.file }
      let line = diagnostic.location?.line ?? 0
      let index =
        inFile.last { resources[$0].location.line <= line } ?? inFile.first ?? candidates[0]
      result[index, default: []].append(diagnostic)
    }
    return result
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
  /// The objects that were checked (for baselines).
  public var resources: [Resource]
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
