/// One thing the StatefulSet controller asks the engine to do in a sync.
public enum StatefulSetAction: Hashable, Sendable {
  /// Create the pod `<set>-<ordinal>` at `revision`.
  case create(ordinal: Int, revision: String)
  /// Delete the pod with this ordinal (gracefully).
  case delete(ordinal: Int)
  /// Create this claim for the pod with this ordinal unless it already exists.
  case createClaim(name: String, ordinal: Int)
  /// Delete this claim once the pod with this ordinal is gone (the claim is owned by the pod
  /// when `whenScaled: Delete`, so the garbage collector follows the pod).
  case deleteClaim(name: String, ordinal: Int)
}
