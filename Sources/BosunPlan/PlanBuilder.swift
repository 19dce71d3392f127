import BosunCore
import BosunModel

/// Turns the changes of a diff into an ordered, explained plan.
///
/// Actions come from the immutability table and the prune scope; impacts from the pod
/// templates of the desired set; the order from a dependency graph (Namespaces and CRDs before
/// their users; ServiceAccounts, ConfigMaps, Secrets and PVCs before the workloads that read
/// them; Roles before their bindings) with Helm's kind order breaking ties. A replace is a
/// delete followed by a create. Prune deletes come after every create and update, in reverse
/// dependency order.
public struct PlanBuilder: Sendable {
  /// Which live objects may be deleted.
  public var pruneScope: PruneScope

  /// Creates a builder.
  public init(pruneScope: PruneScope = .lastApplied) {
    self.pruneScope = pruneScope
  }

  /// The plan for `changes` (one per object, in any order).
  public func plan(_ changes: [ObjectChange]) -> Plan {
    // Sorting positions rather than the changes themselves saves copying large values; the
    // sort is stable either way, so ties keep the input order.
    let keys = changes.map { Self.sortKey($0.identity) }
    let sorted = changes.indices.sorted { keys[$0] < keys[$1] }.map { changes[$0] }
    let classifier = ActionClassifier(pruneScope: pruneScope)
    var objects = sorted.map(classifier.classify)
    let analysis = ImpactAnalysis(objects)
    for index in objects.indices {
      objects[index].impacts = analysis.impacts(
        of: objects[index], changes: sorted[index].fieldChanges)
    }
    var ordering = StepOrdering(objects: objects)
    let steps = ordering.steps()
    return Plan(
      objects: objects, steps: steps, diagnostics: ordering.diagnostics, pruneScope: pruneScope)
  }

  /// Group, kind, namespace and name, compared in that order.
  struct SortKey: Comparable {
    var group: String
    var kind: String
    var namespace: String
    var name: String

    static func < (a: Self, b: Self) -> Bool {
      (a.group, a.kind, a.namespace, a.name) < (b.group, b.kind, b.namespace, b.name)
    }
  }

  static func sortKey(_ identity: ObjectIdentity) -> SortKey {
    SortKey(
      group: identity.group, kind: identity.kind, namespace: identity.namespace ?? "",
      name: identity.displayName)
  }
}
