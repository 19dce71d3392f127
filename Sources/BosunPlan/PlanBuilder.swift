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
    // Changes are large values (manifests and recorded copies), so they are read in place, by
    // position, in the order of their keys. The sort is stable, so ties keep the input order;
    // input already in order, as the command gives it, is not sorted again.
    let keys = changes.indices.map { Self.sortKey(changes[$0].identity) }
    let inOrder = keys.indices.dropFirst().allSatisfy { !(keys[$0] < keys[$0 - 1]) }
    let order = inOrder ? Array(changes.indices) : changes.indices.sorted { keys[$0] < keys[$1] }
    let classifier = ActionClassifier(pruneScope: pruneScope)
    var objects: [ObjectPlan] = []
    objects.reserveCapacity(changes.count)
    for index in order { objects.append(classifier.classify(changes[index])) }
    let analysis = ImpactAnalysis(objects)
    for (position, index) in order.enumerated() {
      objects[position].impacts = analysis.impacts(
        of: objects[position], changes: changes[index].fieldChanges)
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

    // Field by field rather than through tuples, which costs several times more.
    static func < (a: Self, b: Self) -> Bool {
      if a.group != b.group { return a.group < b.group }
      if a.kind != b.kind { return a.kind < b.kind }
      if a.namespace != b.namespace { return a.namespace < b.namespace }
      return a.name < b.name
    }
  }

  static func sortKey(_ identity: ObjectIdentity) -> SortKey {
    SortKey(
      group: identity.group, kind: identity.kind, namespace: identity.namespace ?? "",
      name: identity.displayName)
  }
}
