public import BosunCore
public import BosunModel

/// The outcome for one object.
public struct ObjectDiff: Sendable {
  /// What happens to the object as a whole.
  public enum Status: String, Hashable, Sendable, CaseIterable {
    /// In the manifests, not on the cluster.
    case added
    /// On the cluster (within the chosen scope), not in the manifests.
    case removed
    /// On both, with field changes.
    case changed
    /// On both, the same after normalisation.
    case unchanged
  }

  /// Who the object is (from the manifest when there is one).
  public var identity: ObjectIdentity
  /// What happens to it.
  public var status: Status
  /// Field changes, in manifest order; empty unless `changed`.
  public var changes: [FieldChange]
  /// Whether the cluster copy carried `last-applied-configuration`, so removals were computed
  /// against the previous manifest.
  public var isThreeWay: Bool
  /// Where the object starts in the manifest (nil for removed objects).
  public var location: SourceLocation?
  /// The normalised cluster copy, Secret values masked; nil for added and unchanged objects.
  public var before: Value?
  /// The normalised result of applying the manifest, Secret values masked; nil for removed
  /// and unchanged objects.
  public var after: Value?
  /// For a changed object: the manifest object and its recorded copy as plain values, as read
  /// (neither normalised nor masked), so that a plan need not convert them again.
  public var values: (desired: Value, live: Value)?

  /// Creates an outcome.
  public init(
    identity: ObjectIdentity, status: Status, changes: [FieldChange] = [],
    isThreeWay: Bool = false, location: SourceLocation? = nil, before: Value? = nil,
    after: Value? = nil
  ) {
    self.identity = identity
    self.status = status
    self.changes = changes
    self.isThreeWay = isThreeWay
    self.location = location
    self.before = before
    self.after = after
  }
}
