public import BosunCore
public import BosunYAML

/// The objects of one or more parsed inputs, and what was wrong with the documents that did not
/// yield an object.
///
/// Reads every document: expands `kind: List` (and any `*List` with `items`), splits
/// `apiVersion`, defaults namespaces, maps helm `# Source:` comments to the objects below them,
/// and reports missing identity fields and duplicate objects.
public struct ManifestSet: Sendable {
  /// The objects, in input order.
  public private(set) var resources: [Resource] = []
  /// Problems with documents that yielded no object (`object.not-a-mapping`).
  public private(set) var diagnostics: [Diagnostic] = []
  /// Problems found on each object, parallel to `resources` (`object.*` codes).
  public private(set) var resourceDiagnostics: [[Diagnostic]] = []
  /// Documents seen, broken ones included.
  public private(set) var documentCount = 0
  /// Documents that held nothing (only comments, or an empty `---`).
  public private(set) var emptyDocumentCount = 0
  /// Documents whose root could not become an object (e.g. a bare string), by file.
  public private(set) var unreadableDocuments: [SourceLocation] = []

  /// The namespace applied to namespaced objects that name none.
  public let defaultNamespace: String

  /// Creates an empty set.
  public init(defaultNamespace: String = "default") {
    self.defaultNamespace = defaultNamespace
  }

  /// Adds the documents of one parsed stream.
  public mutating func add(_ stream: YAMLStream) {
    let sources = HelmSourceComments(stream.source)
    let brokenDocuments = Set(
      stream.diagnostics.filter { $0.severity == .error }.map(\.documentIndex))
    documentCount += stream.documents.count
    documentCount += brokenDocuments.subtracting(stream.documents.map(\.index)).count
    var templates: [String?] = []
    templates.reserveCapacity(stream.documents.count)
    var previousRootLine = 0
    for document in stream.documents {
      let rootLine = Int(document.root.mark.line)
      templates.append(sources.source(before: rootLine, after: previousRootLine))
      previousRootLine = rootLine
    }
    // Documents are read on every core, then kept in order.
    let (documents, file, namespace) = (stream.documents, stream.source.file, defaultNamespace)
    let read = Parallel.map(indices: documents.count, chunk: 256) { [templates] index in
      Self.read(
        documents[index], file: file, templateSource: templates[index],
        defaultNamespace: namespace)
    }
    for document in read {
      switch document {
      case .empty: emptyDocumentCount += 1
      case .unreadable(let at, let diagnostic):
        unreadableDocuments.append(at)
        diagnostics.append(diagnostic)
      case .objects(let objects, let problems):
        for object in objects {
          resources.append(object.resource)
          resourceDiagnostics.append(object.diagnostics)
        }
        diagnostics += problems
      }
    }
  }

  /// What one document yields.
  private enum DocumentRead: Sendable {
    /// Only comments, or an empty `---`.
    case empty
    /// A root that cannot be an object.
    case unreadable(SourceLocation, Diagnostic)
    /// Its objects with their problems, and problems with items that are not objects.
    case objects([(resource: Resource, diagnostics: [Diagnostic])], problems: [Diagnostic])
  }

  private static func read(
    _ document: YAMLDocument, file: String, templateSource: String?, defaultNamespace: String
  ) -> DocumentRead {
    let root = document.root
    if root.isNull { return .empty }
    let at = SourceLocation(file: file, line: Int(root.mark.line), column: Int(root.mark.column))
    guard root.pairs != nil else {
      return .unreadable(
        at,
        Diagnostic(
          .error, code: "object.not-a-mapping",
          message: "a Kubernetes object must be a mapping with apiVersion, kind and metadata",
          location: at, pointer: .root, templateSource: templateSource))
    }
    let kind = root["kind"]?.scalarText ?? ""
    guard kind.hasSuffix("List"), let items = root["items"]?.items else {
      let object = read(
        root, file: file, documentIndex: document.index, pointer: .root,
        templateSource: templateSource, defaultNamespace: defaultNamespace)
      return .objects([object], problems: [])
    }
    var objects: [(resource: Resource, diagnostics: [Diagnostic])] = []
    var problems: [Diagnostic] = []
    for (index, item) in items.enumerated() {
      guard item.pairs != nil else {
        let mark = item.mark
        problems.append(
          Diagnostic(
            .error, code: "object.not-a-mapping",
            message: "each item of a \(kind) must be a Kubernetes object (a mapping)",
            location: SourceLocation(
              file: file, line: Int(mark.line), column: Int(mark.column)),
            pointer: JSONPointer(tokens: [.key("items"), .index(index)]),
            templateSource: templateSource))
        continue
      }
      objects.append(
        read(
          item, file: file, documentIndex: document.index,
          pointer: JSONPointer(tokens: [.key("items"), .index(index)]),
          templateSource: templateSource, defaultNamespace: defaultNamespace))
    }
    return .objects(objects, problems: problems)
  }

  private static func read(
    _ node: Node, file: String, documentIndex: Int, pointer: JSONPointer, templateSource: String?,
    defaultNamespace: String
  ) -> (resource: Resource, diagnostics: [Diagnostic]) {
    let apiVersion = node["apiVersion"]?.scalarText ?? ""
    let kind = node["kind"]?.scalarText ?? ""
    let metadata = node["metadata"]
    let name = metadata?["name"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
    let generateName = metadata?["generateName"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
    let split = ObjectIdentity.split(apiVersion: apiVersion)
    let namespaced = KindScope.isNamespaced(kind: kind)
    let givenNamespace = metadata?["namespace"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
    let identity = ObjectIdentity(
      group: split.group, version: split.version, kind: kind.isEmpty ? "<no kind>" : kind,
      namespace: namespaced ? (givenNamespace ?? defaultNamespace) : nil,
      name: name, generateName: generateName)
    let resource = Resource(
      identity: identity, node: node, file: file, documentIndex: documentIndex,
      pointerInDocument: pointer, templateSource: templateSource)

    var diagnostics: [Diagnostic] = []
    // The common case, both present, builds no array of fields.
    if apiVersion.isEmpty || kind.isEmpty {
      for (field, value) in [("apiVersion", apiVersion), ("kind", kind)] where value.isEmpty {
        let present = node[field] != nil
        diagnostics.append(
          resource.diagnostic(
            .error, code: field == "kind" ? "object.missing-kind" : "object.missing-api-version",
            message: present
              ? "\(field) is empty; every object needs one"
              : "\(field) is missing; every object needs one",
            at: present ? JSONPointer.root.appending(field) : .root))
      }
    }
    if name == nil && generateName == nil {
      diagnostics.append(
        resource.diagnostic(
          .error, code: "object.missing-name",
          message: "metadata.name is missing or empty; every object needs a name",
          at: metadata == nil ? .root : JSONPointer.root.appending("metadata")))
    }
    diagnostics += MetadataSyntax.check(resource)
    if !namespaced, givenNamespace != nil, !kind.isEmpty {
      diagnostics.append(
        resource.diagnostic(
          .warning, code: "object.namespace-ignored",
          message: "\(kind) is cluster-scoped, so metadata.namespace is ignored",
          at: "/metadata/namespace"))
    }
    return (resource, diagnostics)
  }

  /// Reports objects that appear twice (same group, kind, namespace and name), with both
  /// positions. Call once after adding every input.
  public mutating func reportDuplicates() {
    var first: [ObjectIdentity.Key: Resource] = [:]
    for (index, resource) in resources.enumerated() {
      guard let key = resource.identity.key, resource.identity.kind != "<no kind>" else {
        continue
      }
      if let earlier = first[key] {
        resourceDiagnostics[index].append(
          resource.diagnostic(
            .error, code: "object.duplicate",
            message:
              "\(resource.identity) is defined twice (first at \(earlier.location)); applying both keeps only the last",
            at: .root,
            notes: [
              Diagnostic.Note(
                earlier.templateSource.map { "first defined here (template \($0))" }
                  ?? "first defined here", at: earlier.location)
            ]))
      } else {
        first[key] = resource
      }
    }
  }
}
