/// A workload's replica counts at one moment, as `kubectl get deployment` columns show them.
public struct ReplicaSample: Sendable, Equatable {
  /// Seconds from the start.
  public var time: Double
  /// `spec.replicas`.
  public var desired: Int
  /// Pods of the new revision (`status.updatedReplicas`).
  public var updated: Int
  /// Pods whose Ready condition is true (`status.readyReplicas`).
  public var ready: Int
  /// Pods ready for at least `minReadySeconds` (`status.availableReplicas`).
  public var available: Int
  /// Every pod of the workload, terminating ones included.
  public var total: Int

  /// Creates a sample.
  public init(time: Double, desired: Int, updated: Int, ready: Int, available: Int, total: Int) {
    self.time = time
    self.desired = desired
    self.updated = updated
    self.ready = ready
    self.available = available
    self.total = total
  }
}
