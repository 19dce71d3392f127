public import BosunCore
public import BosunModel
import BosunYAML

/// A recorded cluster: the objects of one or more `kubectl get ... -A -o yaml` (or `-o json`)
/// outputs, keyed by group, kind, namespace and name.
///
/// Each input may be a `List` with `items`, several documents, or a single object. When two
/// recordings hold the same object, the later one wins and a warning says so.
///
/// A command that reads only some objects whole names them (`init(files:wholeOnly:)`): the
/// other entries of a List then keep only their keys up to their identity (`apiVersion`,
/// `kind`, `metadata`, and any key before these), marked `node.isPartial`, which spares
/// building the trees no one reads.
public struct Snapshot: Sendable {
  /// The objects, by identity. Under `init(files:wholeOnly:)`, objects that are not wanted may
  /// be partial (`node.isPartial`).
  public private(set) var objects: [ObjectIdentity.Key: Resource] = [:]
  /// Problems reading the recordings (`snapshot.*`, `yaml.*`, `object.*` codes).
  public private(set) var diagnostics: [Diagnostic] = []
  /// Whether any recording could not be read or parsed.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Creates an empty snapshot.
  public init() {}

  /// Set when a partial reading could differ from a whole one: an object recorded twice with
  /// one copy partial (its copies cannot be compared), or a recording that turned out not to be
  /// a List.
  private var needsWholeReading = false

  /// Reads several recordings, in order.
  public init(files: [(name: String, bytes: [UInt8])]) {
    for file in files { add(file.bytes, file: file.name) }
  }

  /// Reads several recordings, in order, building whole only the objects `wanted` accepts;
  /// `wanted` sees each List entry with its keys up to its identity. Gives exactly the
  /// diagnostics and, for wanted objects, the objects of `init(files:)`; when it could not, it
  /// reads everything whole.
  public init(
    files: [(name: String, bytes: [UInt8])],
    wholeOnly wanted: @escaping @Sendable (Resource) -> Bool
  ) {
    let filter = Self.entryFilter(wanted)
    for file in files { add(file.bytes, file: file.name, entryFilter: filter) }
    if needsWholeReading { self = Snapshot(files: files) }
  }

  /// Reads entries as `read` will, once their `apiVersion`, `kind` and `metadata` are in: an
  /// entry that `read` cannot identify, or that `wanted` accepts, is built whole.
  private static func entryFilter(_ wanted: @escaping @Sendable (Resource) -> Bool)
    -> ListEntryFilter
  {
    ListEntryFilter { pairs in
      // The keys are plain strings met once (the parser asks only then).
      var found = 0
      for pair in pairs {
        switch pair.key.scalarText {
        case "apiVersion", "kind", "metadata": found += 1
        default: break
        }
      }
      guard found == 3 else { return .undecided }
      let entry = Node(.mapping(pairs), mark: pairs[0].key.mark, style: .block)
      guard case .object(_, let resource)? = read(entry, file: "", document: 0, pointer: .root)
      else { return .keep }
      return wanted(resource) ? .keep : .elide
    }
  }

  /// The object with this identity, if recorded.
  public subscript(key: ObjectIdentity.Key) -> Resource? { objects[key] }

  /// Adds one recording.
  public mutating func add(_ bytes: [UInt8], file: String) {
    add(bytes, file: file, entryFilter: nil)
  }

  private mutating func add(_ bytes: [UInt8], file: String, entryFilter: ListEntryFilter?) {
    let stream = YAMLParser.parse(
      bytes, file: file, limits: .recording, entryFilter: entryFilter)
    for problem in stream.diagnostics {
      diagnostics.append(
        Diagnostic(
          problem.severity == .error ? .error : .warning, code: problem.code,
          message: problem.message,
          location: SourceLocation(
            file: file, line: Int(problem.mark.line), column: Int(problem.mark.column))))
    }
    var found = 0
    for document in stream.documents where !document.root.isNull {
      let root = document.root
      if let items = root["items"]?.items, (root["kind"]?.scalarText ?? "").hasSuffix("List") {
        // One growth for the whole list rather than a rehash at every doubling.
        objects.reserveCapacity(objects.count + items.count)
        found += items.count
        // Items are read on every core, then stored in order, so duplicates resolve as in
        // one pass.
        let index = document.index
        let read = Parallel.map(indices: items.count, chunk: 1024) { position in
          Self.read(
            items[position], file: file, document: index,
            pointer: JSONPointer(tokens: [.key("items"), .index(position)]))
        }
        for item in read { store(item) }
      } else {
        // Entries were filtered as a List's, but this document is one object.
        if stream.hasPartialEntries { needsWholeReading = true }
        found += 1
        store(Self.read(root, file: file, document: document.index, pointer: .root))
      }
    }
    if found == 0 && stream.diagnostics.isEmpty {
      diagnostics.append(
        Diagnostic(
          .error, code: "snapshot.empty",
          message:
            "\(file) holds no objects; record one with `kubectl get <kinds> -A -o yaml > \(file)`",
          location: SourceLocation(file: file, line: 1, column: 1)))
    }
  }

  /// One recorded object read, or why it is skipped.
  private enum Read: Sendable {
    case object(ObjectIdentity.Key, Resource)
    case skipped(Diagnostic)
  }

  /// Reads one recorded object. A recording is what the API server wrote, so only identity is
  /// read here; the manifest checks of `ManifestSet` would cost time and find nothing.
  private static func read(_ node: Node, file: String, document: Int, pointer: JSONPointer)
    -> Read?
  {
    let kind = node["kind"]?.scalarText ?? ""
    let metadata = node["metadata"]
    guard node.pairs != nil, !kind.isEmpty,
      let name = metadata?["name"]?.scalarText, !name.isEmpty
    else {
      let at = SourceLocation(
        file: file, line: Int(node.mark.line), column: Int(node.mark.column))
      return .skipped(
        Diagnostic(
          .error, code: "snapshot.unidentified-object",
          message: "a recorded object needs kind and metadata.name; this one is skipped",
          location: at, pointer: pointer))
    }
    let split = ObjectIdentity.split(apiVersion: node["apiVersion"]?.scalarText ?? "")
    let namespace = metadata?["namespace"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
    let identity = ObjectIdentity(
      group: split.group, version: split.version, kind: kind,
      namespace: KindScope.isNamespaced(kind: kind) ? (namespace ?? "default") : nil,
      name: name)
    guard let key = identity.key else { return nil }
    return .object(
      key,
      Resource(
        identity: identity, node: node, file: file, documentIndex: document,
        pointerInDocument: pointer))
  }

  /// Stores one object read; a later recording of the same object replaces the earlier.
  private mutating func store(_ read: Read?) {
    switch read {
    case .skipped(let diagnostic): diagnostics.append(diagnostic)
    case .object(let key, let resource):
      // One hash of the key both stores the object and returns what it replaces.
      guard let earlier = objects.updateValue(resource, forKey: key) else { return }
      if earlier.node.isPartial || resource.node.isPartial {
        needsWholeReading = true
      } else if earlier.node != resource.node {
        diagnostics.append(
          resource.diagnostic(
            .warning, code: "snapshot.duplicate",
            message:
              "\(resource.identity) was recorded twice with different content (first at \(earlier.location)); the later recording wins",
            at: .root))
      }
    case nil: break
    }
  }
}

extension Snapshot {
  /// Every recorded object as one `kind: List` in YAML, items ordered by group, kind, namespace
  /// and name, as `bosun snapshot merge` writes it.
  public func listYAML() -> String {
    let items = objects.sorted { $0.key < $1.key }.map { $0.value.node.toValue() }
    let list = Value.object([
      (key: "apiVersion", value: .string("v1")), (key: "items", value: .array(items)),
      (key: "kind", value: .string("List")),
      (key: "metadata", value: .object([(key: "resourceVersion", value: .string(""))])),
    ])
    return ValueText.yamlLines(list).joined(separator: "\n") + "\n"
  }
}
