public import BosunCore

/// One changed field of an object.
public struct FieldChange: Hashable, Sendable {
  /// What happened to the field.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// Set in the manifest, absent on the cluster.
    case added
    /// On the cluster, gone after applying the manifest.
    case removed
    /// Different value.
    case changed
    /// The same keyed items in a different order (the only change of this list).
    case reordered
  }

  /// What happened.
  public var kind: Kind
  /// Where the field is in the object: in the manifest for added, changed and reordered
  /// fields; in the live object for removed ones. List items are addressed by index.
  public var pointer: JSONPointer
  /// The same place with list items named by their keys:
  /// `spec.template.spec.containers[name=web].image`.
  public var path: String
  /// The value on the cluster; nil when absent or hidden.
  public var before: Value?
  /// The value after applying the manifest; nil when absent or hidden.
  public var after: Value?
  /// Whether the values are hidden (Secret `data`): only the fact of a change is reported.
  public var isSensitive: Bool
  /// Where the field (or its nearest parent) is written in the manifest.
  public var location: SourceLocation?

  /// Creates a change.
  public init(
    kind: Kind, pointer: JSONPointer, path: String, before: Value?, after: Value?,
    isSensitive: Bool = false, location: SourceLocation? = nil
  ) {
    self.kind = kind
    self.pointer = pointer
    self.path = path
    self.before = before
    self.after = after
    self.isSensitive = isSensitive
    self.location = location
  }
}
