public import BosunCore
public import BosunSchema

/// Everything `bosun diff` found: one outcome per object, sorted by group, kind, namespace and
/// name, and the problems met on the way.
public struct DiffResult: Sendable {
  /// The outcomes.
  public var objects: [ObjectDiff]
  /// Problems with the inputs (unreadable documents, objects without a name).
  public var diagnostics: [Diagnostic]
  /// The Kubernetes version whose defaults were applied.
  public var kubernetesVersion: KubernetesVersion

  /// Creates a result.
  public init(
    objects: [ObjectDiff], diagnostics: [Diagnostic] = [], kubernetesVersion: KubernetesVersion
  ) {
    self.objects = objects
    self.diagnostics = diagnostics
    self.kubernetesVersion = kubernetesVersion
  }

  /// Whether anything would change.
  public var hasChanges: Bool { objects.contains { $0.status != .unchanged } }

  /// How many objects have each status.
  public var counts: [ObjectDiff.Status: Int] {
    var result: [ObjectDiff.Status: Int] = [:]
    for status in ObjectDiff.Status.allCases { result[status] = 0 }
    for object in objects { result[object.status, default: 0] += 1 }
    return result
  }
}
