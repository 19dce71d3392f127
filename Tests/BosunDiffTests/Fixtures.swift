import BosunCore
import BosunDiff
import BosunModel
import BosunSchema
import BosunYAML
import Foundation

/// Reads the diff fixtures: manifests under `fixtures/diff/<scenario>/`, recordings under
/// `fixtures/snapshots/`.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures")

  static let version = KubernetesVersion(minor: 31)

  /// The manifests of a scenario, each file in name order.
  static func manifests(_ scenario: String) throws -> [Resource] {
    let folder = root.appendingPathComponent("diff").appendingPathComponent(scenario)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    var set = ManifestSet()
    for name in names {
      let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
      set.add(YAMLParser.parse(bytes, file: "\(scenario)/\(name)"))
    }
    return set.resources
  }

  /// Manifests written inline, as one file.
  static func manifests(yaml: String, file: String = "edited.yaml") -> [Resource] {
    var set = ManifestSet()
    set.add(YAMLParser.parse(Array(yaml.utf8), file: file))
    return set.resources
  }

  /// A recorded snapshot.
  static func snapshot(_ name: String) throws -> Snapshot {
    let url = root.appendingPathComponent("snapshots").appendingPathComponent(name)
    return Snapshot(files: [(name: name, bytes: try [UInt8](Data(contentsOf: url)))])
  }

  /// The text of a recording.
  static func rawSnapshot(_ name: String) throws -> String {
    try String(
      contentsOf: root.appendingPathComponent("snapshots").appendingPathComponent(name),
      encoding: .utf8)
  }

  /// A differ for the fixtures' Kubernetes version.
  static func differ(
    liveOnlyFields: DiffOptions.LiveOnlyFields = .keep, ignoreRules: [IgnoreRule] = []
  ) -> ManifestDiffer {
    ManifestDiffer(
      options: DiffOptions(
        kubernetesVersion: version, ignoreRules: ignoreRules, liveOnlyFields: liveOnlyFields),
      catalog: try? SchemaCatalog.bundled())
  }

  /// The text of a manifest file of a scenario.
  static func text(_ scenario: String, _ file: String) throws -> String {
    try String(
      contentsOf: root.appendingPathComponent("diff").appendingPathComponent(scenario)
        .appendingPathComponent(file), encoding: .utf8)
  }
}
