import ArgumentParser
import BosunCore
import BosunDiff
import BosunModel
import BosunRules
import BosunSchema
import BosunYAML
import Foundation

/// What `bosun diff` and `bosun plan` both read: manifests, the recorded cluster, the Kubernetes
/// version and the comparison settings.
struct DiffInputs: ParsableArguments {
  @Argument(help: "Manifest files or folders; `-` reads standard input.")
  var paths: [String] = []

  @Option(
    help:
      "A recording from `kubectl get ... -A -o yaml` or `-o json`, or a folder of them (repeatable)."
  )
  var snapshot: [String] = []

  @Option(
    help: "Kubernetes version whose defaults and schemas apply (default: the newest bundled).")
  var kubernetesVersion: String?

  @Flag(help: "Report fields set on the cluster but absent from the manifests as removals (drift).")
  var drift = false

  @Option(
    name: .customLong("ignore-field"),
    help:
      "Leave a field out of the comparison: KIND[/NAME | /NAMESPACE/NAME]:POINTER, `*` for any kind or list item (repeatable), e.g. Deployment:/spec/replicas."
  )
  var ignoreFields: [String] = []

  @Option(
    name: .customLong("ignore"),
    help: "Skip manifest paths matching this glob (repeatable; `*` also matches `/`).")
  var ignore: [String] = []

  @Option(name: [.short, .long], help: "Namespace for namespaced objects that name none.")
  var namespace: String = "default"

  /// Everything read, ready to compare.
  struct Loaded {
    var manifests: ManifestSet
    var snapshot: Snapshot
    var problems: [Diagnostic]
    var options: DiffOptions
    var catalog: SchemaCatalog?

    /// The structural diff of the manifests against the recording.
    func diff(removedObjects: DiffOptions.RemovedObjects) -> DiffResult {
      var options = options
      options.removedObjects = removedObjects
      return ManifestDiffer(options: options, catalog: catalog)
        .diff(desired: manifests.resources, snapshot: snapshot)
    }
  }

  /// Reads every input; problems are printed to standard error, and errors end the command with
  /// exit code 2.
  ///
  /// `alsoWhole` names the recorded objects the command reads whole besides those the manifests
  /// hold and CustomResourceDefinitions (whose schemas default custom resources); the others
  /// keep only their identity and metadata. Nil reads every recorded object whole.
  func load(alsoWhole: (@Sendable (Resource) -> Bool)?) throws -> Loaded {
    guard !paths.isEmpty else {
      throw ValidationError("give at least one manifest file or folder, or `-` for standard input")
    }
    guard !snapshot.isEmpty else {
      throw ValidationError("give the recorded cluster with --snapshot FILE")
    }
    let catalog = try? SchemaCatalog.bundled()
    let version =
      try kubernetesVersion.map(CheckCommand.version)
      ?? catalog?.newestVersion ?? KubernetesVersion(minor: 31)

    // The manifests and the recording are read at the same time, unless both come from
    // standard input.
    let (paths, ignore, namespace, snapshot) = (paths, ignore, namespace, snapshot)
    let readManifests: @Sendable () -> (ManifestSet, [Diagnostic]) = {
      Self.readManifests(paths, ignoring: ignore, namespace: namespace)
    }
    /// The recording, built whole or only where `wanted` says.
    @Sendable func readSnapshot(_ wanted: (@Sendable (Resource) -> Bool)?) -> (
      Snapshot, [Diagnostic]
    ) {
      let (files, problems) = InputCollector().collect(snapshot)
      let named = files.map { (name: $0.name, bytes: $0.bytes) }
      let recorded = wanted.map { Snapshot(files: named, wholeOnly: $0) } ?? Snapshot(files: named)
      return (recorded, problems + recorded.diagnostics)
    }
    let manifests: ManifestSet
    let manifestProblems: [Diagnostic]
    let recorded: Snapshot
    let snapshotProblems: [Diagnostic]
    if let alsoWhole {
      // Which recorded objects to build whole depends on the manifests, so they come first.
      (manifests, manifestProblems) = readManifests()
      let keys = Set(manifests.resources.compactMap(\.identity.key))
      (recorded, snapshotProblems) = readSnapshot { resource in
        resource.identity.key.map(keys.contains) == true
          || resource.identity.kind == "CustomResourceDefinition" || alsoWhole(resource)
      }
    } else {
      ((manifests, manifestProblems), (recorded, snapshotProblems)) =
        paths.contains("-") && snapshot.contains("-")
        ? (readManifests(), readSnapshot(nil)) : Parallel.both(readManifests, { readSnapshot(nil) })
    }
    let problems = manifestProblems + snapshotProblems

    StandardError.report(problems)
    if problems.contains(where: { $0.severity == .error }) { throw ExitCode(2) }

    var fieldRules = ignoreFields
    if let path = RuleConfiguration.find(from: FileManager.default.currentDirectoryPath) {
      let (configuration, found) = RuleConfiguration.load(path: path)
      StandardError.report(found)
      if found.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
      fieldRules += configuration.diffIgnore
    }
    let ignoreRules = try fieldRules.map { text in
      guard let rule = IgnoreRule(parsing: text) else {
        throw ValidationError(
          "--ignore-field \(text) is not KIND[/NAME | /NAMESPACE/NAME]:POINTER, e.g. Deployment:/spec/replicas"
        )
      }
      return rule
    }
    let options = DiffOptions(
      kubernetesVersion: version, ignoreRules: ignoreRules,
      liveOnlyFields: drift ? .report : .keep, removedObjects: .none)
    return Loaded(
      manifests: manifests, snapshot: recorded, problems: problems, options: options,
      catalog: catalog)
  }

  /// The manifests' objects, with the problems of reading them.
  private static func readManifests(
    _ paths: [String], ignoring ignore: [String], namespace: String
  ) -> (ManifestSet, [Diagnostic]) {
    var problems: [Diagnostic] = []
    let (manifestFiles, manifestProblems) = InputCollector(ignoreGlobs: ignore).collect(paths)
    problems += manifestProblems
    var manifests = ManifestSet(defaultNamespace: namespace)
    for file in manifestFiles {
      let stream = YAMLParser.parse(file.bytes, file: file.name)
      problems += stream.diagnostics.map { CheckPipeline.diagnostic($0, file: file.name) }
      manifests.add(stream)
    }
    problems += manifests.diagnostics
    if manifests.resources.isEmpty {
      problems.append(
        Diagnostic(
          .error, code: "input.no-objects",
          message: "no Kubernetes objects were found in \(paths.joined(separator: ", "))"))
    }
    return (manifests, problems)
  }
}
