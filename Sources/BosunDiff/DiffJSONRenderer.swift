import BosunCore

/// The JSON report, format version 1 (documented in docs/diff.md). Keys are written in a fixed
/// order, so the same input gives the same bytes.
public enum DiffJSONRenderer {
  /// The format version; bumped on any incompatible change.
  public static let formatVersion = 1

  /// Renders a whole result.
  public static func render(_ result: DiffResult) -> String {
    let counts = result.counts
    var root: [(key: String, value: Value)] = [
      (key: "version", value: .int(Int64(formatVersion))),
      (key: "kubernetesVersion", value: .string(result.kubernetesVersion.description)),
      (
        key: "summary",
        value: .object(
          ObjectDiff.Status.allCases.map { (key: $0.rawValue, value: .int(Int64(counts[$0] ?? 0))) }
        )
      ),
    ]
    root.append((key: "objects", value: .array(result.objects.map(object))))
    root.append((key: "diagnostics", value: .array(result.diagnostics.map(diagnostic))))
    return ValueText.json(.object(root)) + "\n"
  }

  private static func object(_ object: ObjectDiff) -> Value {
    let identity = object.identity
    var pairs: [(key: String, value: Value)] = [
      (key: "apiVersion", value: .string(identity.apiVersion)),
      (key: "kind", value: .string(identity.kind)),
      (key: "namespace", value: identity.namespace.map(Value.string) ?? .null),
      (key: "name", value: .string(identity.displayName)),
      (key: "status", value: .string(object.status.rawValue)),
      (key: "threeWay", value: .bool(object.isThreeWay)),
      (key: "location", value: location(object.location)),
    ]
    pairs.append((key: "changes", value: .array(object.changes.map(change))))
    return .object(pairs)
  }

  private static func change(_ change: FieldChange) -> Value {
    .object([
      (key: "kind", value: .string(change.kind.rawValue)),
      (key: "pointer", value: .string(change.pointer.description)),
      (key: "path", value: .string(change.path)),
      (key: "before", value: change.before ?? .null),
      (key: "after", value: change.after ?? .null),
      (key: "sensitive", value: .bool(change.isSensitive)),
      (key: "location", value: location(change.location)),
    ])
  }

  private static func location(_ location: SourceLocation?) -> Value {
    guard let location else { return .null }
    return .object([
      (key: "file", value: .string(location.file)),
      (key: "line", value: .int(Int64(location.line))),
      (key: "column", value: .int(Int64(location.column))),
    ])
  }

  private static func diagnostic(_ diagnostic: Diagnostic) -> Value {
    .object([
      (key: "severity", value: .string("\(diagnostic.severity)")),
      (key: "code", value: .string(diagnostic.code)),
      (key: "message", value: .string(diagnostic.message)),
      (key: "location", value: location(diagnostic.location)),
    ])
  }
}
