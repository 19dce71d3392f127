/// One thing the DaemonSet controller asks the engine to do in a sync.
public enum DaemonSetAction: Hashable, Sendable {
  /// Create a daemon pod at `revision`, pinned to `node` by node affinity (the default
  /// scheduler still has to admit it).
  case create(node: String, revision: String)
  /// Delete this pod (gracefully).
  case delete(podID: String)
}
