/// One sync of the ReplicaSet controller, as a pure decision: how many pods to create, and
/// which to delete.
///
/// Mirrors `pkg/controller/replicaset/replica_set.go` (`manageReplicas`, `slowStartBatch`,
/// `getPodsToDelete`) and `pkg/controller/controller_utils.go` (`ActivePodsWithRanks`).
public enum ReplicaSetSync {
  /// What to do about `diff = pods − spec.replicas`.
  public enum Action: Hashable, Sendable {
    /// As many pods as wanted.
    case none
    /// Create this many pods, in ``slowStartBatches(_:)``.
    case create(Int)
    /// Delete this many pods, chosen by ``podsToDelete(_:count:now:)``.
    case delete(Int)
  }

  /// Upstream's `BurstReplicas`: at most 500 creations or deletions per sync.
  public static let burstReplicas = 500
  /// `controller.SlowStartInitialBatchSize`.
  public static let slowStartInitialBatchSize = 1

  /// What `manageReplicas` does for `activePods` (not terminating, not Succeeded or Failed)
  /// against `specReplicas`, capped at ``burstReplicas``.
  public static func action(specReplicas: Int, activePods: Int) -> Action {
    let diff = activePods - specReplicas
    if diff < 0 { return .create(min(-diff, burstReplicas)) }
    if diff > 0 { return .delete(min(diff, burstReplicas)) }
    return .none
  }

  /// The batch sizes `slowStartBatch` creates `count` pods in: 1, 2, 4, … until `count`. A
  /// batch with a failed creation ends the sync, so later batches are not attempted.
  public static func slowStartBatches(_ count: Int) -> [Int] {
    var batches: [Int] = []
    var remaining = count
    var size = min(remaining, slowStartInitialBatchSize)
    while size > 0 {
      batches.append(size)
      remaining -= size
      size = min(2 * size, remaining)
    }
    return batches
  }

  /// The ids of the `count` pods to delete, best candidates first (`getPodsToDelete`).
  ///
  /// When every pod goes, they are returned as given, unsorted, like upstream. Otherwise they
  /// are ordered by ``PodRank/deletedBefore(_:now:)``; `now` enables the logarithmic comparison
  /// of ready and creation times (the `LogarithmicScaleDown` feature, on by default).
  public static func podsToDelete(_ pods: [PodRank], count: Int, now: Double? = nil) -> [Int] {
    guard count < pods.count else { return pods.map(\.id) }
    let ordered = pods.sorted { lhs, rhs in
      if lhs.deletedBefore(rhs, now: now) { return true }
      if rhs.deletedBefore(lhs, now: now) { return false }
      // Go's sort.Sort leaves equal pods in no set order; the id keeps the simulation stable
      return lhs.id < rhs.id
    }
    return ordered.prefix(max(0, count)).map(\.id)
  }
}
