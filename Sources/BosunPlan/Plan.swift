public import BosunCore

/// An ordered, explained plan: what happens to every object, the API calls in order, and what
/// went wrong while ordering them.
public struct Plan: Sendable {
  /// The version of the plan's JSON form (`docs/plan.md`).
  public static let formatVersion = 1

  /// Every object's decision, sorted by group, kind, namespace and name.
  public var objects: [ObjectPlan]
  /// The calls to make, in order.
  public var steps: [PlanStep]
  /// Problems found while planning (`plan.dependency-cycle`, `plan.unknown-dependency`).
  public var diagnostics: [Diagnostic]
  /// The scope prune decisions were made in.
  public var pruneScope: PruneScope

  /// Creates a plan.
  public init(
    objects: [ObjectPlan], steps: [PlanStep], diagnostics: [Diagnostic], pruneScope: PruneScope
  ) {
    self.objects = objects
    self.steps = steps
    self.diagnostics = diagnostics
    self.pruneScope = pruneScope
  }

  /// The decision for the object with this kind, namespace and name.
  public func object(kind: String, namespace: String? = nil, name: String) -> ObjectPlan? {
    objects.first {
      $0.identity.kind == kind && $0.identity.namespace == namespace && $0.identity.name == name
    }
  }

  /// How many objects get each action.
  public var counts: [PlanAction: Int] {
    // By position: a loop over the elements would copy every decision, manifests and all.
    var counts: [PlanAction: Int] = [:]
    for index in objects.indices { counts[objects[index].action, default: 0] += 1 }
    return counts
  }

  /// Whether the plan changes anything.
  public var hasChanges: Bool { !steps.isEmpty }
}
