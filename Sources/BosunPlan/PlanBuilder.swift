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
    let sorted = zip(changes.map { Self.sortKey($0.identity) }, changes)
      .sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
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

  static func sortKey(_ identity: ObjectIdentity) -> [String] {
    [identity.group, identity.kind, identity.namespace ?? "", identity.displayName]
  }
}
