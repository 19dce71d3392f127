public import BosunCore
public import BosunModel
import BosunYAML

/// A recorded cluster: the objects of one or more `kubectl get ... -A -o yaml` (or `-o json`)
/// outputs, keyed by group, kind, namespace and name.
///
/// Each input may be a `List` with `items`, several documents, or a single object. When two
/// recordings hold the same object, the later one wins and a warning says so.
public struct Snapshot: Sendable {
  /// The objects, by identity.
  public private(set) var objects: [ObjectIdentity.Key: Resource] = [:]
  /// Problems reading the recordings (`snapshot.*`, `yaml.*`, `object.*` codes).
  public private(set) var diagnostics: [Diagnostic] = []
  /// Whether any recording could not be read or parsed.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Creates an empty snapshot.
  public init() {}

  /// Reads several recordings, in order.
  public init(files: [(name: String, bytes: [UInt8])]) {
    for file in files { add(file.bytes, file: file.name) }
  }

  /// The object with this identity, if recorded.
  public subscript(key: ObjectIdentity.Key) -> Resource? { objects[key] }

  /// Adds one recording.
  public mutating func add(_ bytes: [UInt8], file: String) {
    let stream = YAMLParser.parse(bytes, file: file)
    for problem in stream.diagnostics {
      diagnostics.append(
        Diagnostic(
          problem.severity == .error ? .error : .warning, code: problem.code,
          message: problem.message,
          location: SourceLocation(
            file: file, line: Int(problem.mark.line), column: Int(problem.mark.column))))
    }
    // A recording names every namespace, so the default is never used for real objects.
    var set = ManifestSet(defaultNamespace: "default")
    set.add(stream)
    diagnostics += set.diagnostics
    if set.resources.isEmpty && stream.diagnostics.isEmpty {
      diagnostics.append(
        Diagnostic(
          .error, code: "snapshot.empty",
          message:
            "\(file) holds no objects; record one with `kubectl get <kinds> -A -o yaml > \(file)`",
          location: SourceLocation(file: file, line: 1, column: 1)))
    }
    for resource in set.resources {
      guard let key = resource.identity.key else {
        diagnostics.append(
          resource.diagnostic(
            .error, code: "snapshot.unnamed-object",
            message: "a recorded object must have metadata.name", at: "/metadata"))
        continue
      }
      if let earlier = objects[key], earlier.node != resource.node {
        diagnostics.append(
          resource.diagnostic(
            .warning, code: "snapshot.duplicate",
            message:
              "\(resource.identity) was recorded twice with different content (first at \(earlier.location)); the later recording wins",
            at: .root))
      }
      objects[key] = resource
    }
  }
}
