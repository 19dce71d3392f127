public import BosunCore
public import BosunModel

/// A consequence of an action that someone reviewing the plan should know about.
public struct Impact: Hashable, Sendable {
  /// The kind of consequence; the raw value is the stable code in plan JSON.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// The pod template changed, so the controller replaces its pods.
    case rollsPods = "rolls-pods"
    /// Only the replica count changes: pods are added or removed, none is replaced.
    case scaleOnly = "scale-only"
    /// Only labels or annotations of the object change; no pod is touched.
    case metadataOnly = "metadata-only"
    /// Pods keep running with old configuration: a ConfigMap or Secret they read changes without
    /// a restart, or the controller does not replace pods on a template change.
    case podsNotRestarted = "pods-not-restarted"
    /// Stored data may be lost: a PVC, a StatefulSet with volumeClaimTemplates, or a Namespace
    /// is deleted or replaced.
    case dataAtRisk = "data-at-risk"
    /// The workload or Service is unavailable for a while (Recreate strategy, or a replace).
    case downtime
  }

  /// The kind of consequence.
  public var kind: Kind
  /// One sentence for a human.
  public var detail: String
  /// The fields that cause it (absolute pointers in the object).
  public var pointers: [JSONPointer]
  /// Other objects involved (the pods' owners that will not restart, for instance).
  public var objects: [ObjectIdentity]

  /// Creates an impact.
  public init(
    _ kind: Kind, _ detail: String, pointers: [JSONPointer] = [], objects: [ObjectIdentity] = []
  ) {
    self.kind = kind
    self.detail = detail
    self.pointers = pointers
    self.objects = objects
  }
}
