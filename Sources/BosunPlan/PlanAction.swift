/// What the plan does with one object.
public enum PlanAction: String, Hashable, Sendable, CaseIterable {
  /// The object is in the manifests but not in the snapshot.
  case create
  /// Fields change and the API server accepts the update in place.
  case update
  /// An immutable field changes: delete the live object, then create the desired one.
  case replace
  /// The object is in the snapshot, inside the prune scope, and no longer in the manifests.
  case delete
  /// Nothing to do (including objects outside the prune scope that the manifests dropped).
  case unchanged
}
