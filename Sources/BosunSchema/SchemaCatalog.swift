public import BosunCore
import BosunModel
public import Foundation

/// The merged Kubernetes API schemas of every bundled version.
///
/// The catalogue file is read once; each definition is decoded the first time a document needs
/// it, so checking one Deployment decodes only the few dozen definitions a Deployment reaches.
public final class SchemaCatalog: @unchecked Sendable {
  /// One served group/version/kind and the definition describing it.
  public struct KindEntry: Hashable, Sendable {
    /// API group, empty for the core group.
    public var group: String
    /// Version within the group, such as `v1`.
    public var version: String
    /// Kind, such as `Deployment`.
    public var kind: String
    /// Name of the root definition.
    public var definition: String
    /// Kubernetes versions that serve it with this definition.
    public var versions: VersionSet

    /// `group/version`, or the version alone for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
  }

  /// Why a catalogue could not be read.
  public enum LoadError: Error, Sendable {
    /// The header line is not what this reader understands.
    case malformedHeader
  }

  /// Where the data comes from, such as `kubernetes-validate 1.37.0`.
  public let source: String
  /// Every bundled Kubernetes version.
  public let versions: VersionSet
  /// Every served group/version/kind, sorted.
  public let kinds: [KindEntry]

  private let data: Data
  private let lineStarts: [Int]
  private let definitionLines: [String: Int]
  private let kindsByName: [String: [KindEntry]]
  private let lock = NSLock()
  private var cache: [String: SchemaVariants] = [:]

  /// Reads a catalogue in the format of `schemas/README.md`.
  public init(data: Data) throws {
    self.data = data
    var starts = [0]
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      guard let base = raw.baseAddress else { return }
      var offset = 0
      while offset < raw.count,
        let hit = memchr(base + offset, 0x0A, raw.count - offset)
      {
        offset = base.distance(to: UnsafeRawPointer(hit)) + 1
        starts.append(offset)
      }
    }
    if starts.last != data.count { starts.append(data.count + 1) }  // a last line without "\n"
    lineStarts = starts
    guard starts.count > 1,
      let header = try JSONSerialization.jsonObject(with: data.subdata(in: 0..<(starts[1] - 1)))
        as? [String: Any],
      header["format"] as? Int == 1,
      let versionText = header["versions"] as? String,
      let versions = VersionSet(compact: versionText),
      let names = header["definitions"] as? [String],
      let rows = header["kinds"] as? [[String]]
    else { throw LoadError.malformedHeader }
    source = header["source"] as? String ?? "unknown"
    self.versions = versions
    var lines: [String: Int] = [:]
    for (index, name) in names.enumerated() { lines[name] = index + 1 }
    definitionLines = lines
    kinds = rows.compactMap { row in
      guard row.count == 5, let set = VersionSet(compact: row[4]) else { return nil }
      return KindEntry(
        group: row[0], version: row[1], kind: row[2], definition: row[3], versions: set)
    }
    kindsByName = Dictionary(grouping: kinds, by: \.kind)
    builtInGroups = Set(kinds.map(\.group)).union(
      APILifecycle.table.map { ObjectIdentity.split(apiVersion: $0.apiVersion).group })
  }

  /// API groups served by Kubernetes itself in some bundled version, or listed in the API
  /// lifecycle table (such as `extensions`): a kind there without a schema is a mistake, while
  /// any other group (`gateway.networking.k8s.io`, `networking.istio.io`) comes from a CRD.
  public let builtInGroups: Set<String>

  /// Reads a catalogue file.
  public convenience init(contentsOf url: URL) throws {
    try self.init(data: Data(contentsOf: url, options: .alwaysMapped))
  }

  private static let bundledCatalog: Result<SchemaCatalog, any Error> = Result {
    try SchemaCatalog(data: Data(EmbeddedCatalog.text.utf8))
  }

  /// The catalogue compiled into Bosun (`EmbeddedCatalog.swift`), read on first use: the
  /// binary needs no resource files beside it.
  public static func bundled() throws -> SchemaCatalog { try bundledCatalog.get() }

  /// Bundled versions, oldest first.
  public var bundledVersions: [KubernetesVersion] { versions.versions }

  /// The newest bundled version, the default target.
  public var newestVersion: KubernetesVersion { versions.newest ?? KubernetesVersion(minor: 0) }

  // MARK: - Definitions

  /// A definition by name, decoded on first use; nil when the catalogue has none by that name.
  public func definition(named name: String) -> SchemaVariants? {
    lock.lock()
    defer { lock.unlock() }
    if let cached = cache[name] { return cached }
    guard let line = definitionLines[name], line + 1 < lineStarts.count else { return nil }
    let range = lineStarts[line]..<(lineStarts[line + 1] - 1)
    guard let object = try? JSONSerialization.jsonObject(with: data.subdata(in: range)) else {
      return nil
    }
    let variants = SchemaNode.variants(catalog: object)
    cache[name] = variants
    return variants
  }

  /// The node itself, or the definition it refers to, as used by `version`; nil when the
  /// reference is unknown or the definition does not exist in `version`.
  public func resolve(_ node: SchemaNode, for version: KubernetesVersion) -> SchemaNode? {
    var current = node
    var hops = 0
    while let name = current.reference {
      hops += 1
      guard hops < 16, let target = definition(named: name)?.node(for: version) else { return nil }
      current = target
    }
    return current
  }

  // MARK: - Kinds

  /// Every catalogue row for an apiVersion and kind (several when the definition moved).
  public func entries(apiVersion: String, kind: String) -> [KindEntry] {
    (kindsByName[kind] ?? []).filter { $0.apiVersion == apiVersion }
  }

  /// The versions in which `apiVersion`/`kind` is served; empty when none is.
  public func versions(apiVersion: String, kind: String) -> VersionSet {
    entries(apiVersion: apiVersion, kind: kind).reduce(.empty) { $0.union($1.versions) }
  }

  /// Every served apiVersion of a kind, with the versions serving it.
  public func entries(kind: String) -> [KindEntry] { kindsByName[kind] ?? [] }

  /// The root schema of `apiVersion`/`kind` in `version`, or nil when it is not served then.
  public func schema(apiVersion: String, kind: String, version: KubernetesVersion) -> SchemaNode? {
    guard
      let entry = entries(apiVersion: apiVersion, kind: kind).first(where: {
        $0.versions.contains(version)
      })
    else { return nil }
    return definition(named: entry.definition)?.node(for: version)
  }

  // MARK: - Fields

  /// The schema of the field at `pointer` inside `apiVersion`/`kind` in `version`, references
  /// resolved. Any token steps into the items of an array, so `/spec/containers/0/ports` and
  /// `/spec/containers/-/ports` name the same field.
  public func field(
    apiVersion: String, kind: String, pointer: JSONPointer, version: KubernetesVersion
  ) -> SchemaNode? {
    guard let root = schema(apiVersion: apiVersion, kind: kind, version: version) else {
      return nil
    }
    return field(in: root, pointer: pointer, version: version)
  }

  /// The schema of the field at `pointer` below `root`, references resolved.
  public func field(in root: SchemaNode, pointer: JSONPointer, version: KubernetesVersion)
    -> SchemaNode?
  {
    guard var current = resolve(root, for: version) else { return nil }
    for token in pointer.tokens {
      let next: SchemaNode?
      if current.type == .array || current.items != nil {
        next = current.items?.node(for: version)
      } else if let property = current.properties[token.text] {
        next = property.node(for: version)
      } else if case .schema(let values) = current.additionalProperties {
        next = values.node(for: version)
      } else {
        next = nil
      }
      guard let found = next, let resolved = resolve(found, for: version) else { return nil }
      current = resolved
    }
    return current
  }

  /// The keys identifying items of the list at `pointer` (`x-kubernetes-list-map-keys`, or the
  /// patch merge key when only that is declared); empty when the list is not keyed.
  public func listMapKeys(
    apiVersion: String, kind: String, pointer: JSONPointer, version: KubernetesVersion
  ) -> [String] {
    guard let list = field(apiVersion: apiVersion, kind: kind, pointer: pointer, version: version)
    else { return [] }
    if !list.listMapKeys.isEmpty { return list.listMapKeys }
    return list.patchMergeKey.map { [$0] } ?? []
  }

  /// The strategic-merge-patch key and strategy of the field at `pointer`, when declared.
  public func patchMerge(
    apiVersion: String, kind: String, pointer: JSONPointer, version: KubernetesVersion
  ) -> (key: String?, strategy: String?) {
    let node = field(apiVersion: apiVersion, kind: kind, pointer: pointer, version: version)
    return (node?.patchMergeKey, node?.patchStrategy)
  }
}
