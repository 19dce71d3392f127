/// Scaling a Deployment whose pods are spread over several ReplicaSets: a change of
/// `spec.replicas` mid-rollout, or while paused.
///
/// Mirrors `pkg/controller/deployment/sync.go` (`scale`, `isScalingEvent`) and
/// `pkg/controller/deployment/util/deployment_util.go` (`GetProportion`,
/// `getReplicaSetFraction`, `FindActiveOrLatest`, `IsSaturated`).
public enum DeploymentProportionalScaling {
  /// Whether `spec.replicas` changed since the ReplicaSets were last sized: an active one carries
  /// a `desired-replicas` annotation other than `replicas` (`isScalingEvent`).
  public static func isScalingEvent(replicas: Int, replicaSets: [ReplicaSetSummary]) -> Bool {
    replicaSets.contains { rs in
      guard rs.isActive, let desired = rs.desiredReplicas else { return false }
      return desired != replicas
    }
  }

  /// The share of the change one ReplicaSet would take (`getReplicaSetFraction`):
  /// `round(spec × (replicas + surge) / max-replicas) − spec`, or its whole size when scaling to
  /// zero. Without the annotation, `fallbackMaxReplicas` (upstream: the Deployment's
  /// `status.replicas`) stands in; a zero divisor gives 0 where Go would divide by zero.
  public static func fraction(
    of rs: ReplicaSetSummary, replicas: Int, surge: Int, fallbackMaxReplicas: Int
  ) -> Int {
    if replicas == 0 { return -rs.specReplicas }
    let annotated = rs.maxReplicas ?? fallbackMaxReplicas
    guard annotated != 0 else { return 0 }
    let size = Double(rs.specReplicas * (replicas + surge)) / Double(annotated)
    // integer.RoundToInt32 rounds half away from zero, as `rounded()` does
    return Int(size.rounded()) - rs.specReplicas
  }

  /// How many replicas to add to (or remove from) one ReplicaSet, given what the Deployment must
  /// add in all and what earlier ReplicaSets already took (`GetProportion`): the fraction,
  /// clamped so the running total never passes `toAdd`.
  public static func proportion(
    of rs: ReplicaSetSummary, replicas: Int, surge: Int, toAdd: Int, added: Int,
    fallbackMaxReplicas: Int
  ) -> Int {
    if rs.specReplicas == 0 || toAdd == 0 || toAdd == added { return 0 }
    let share = fraction(
      of: rs, replicas: replicas, surge: surge, fallbackMaxReplicas: fallbackMaxReplicas)
    let allowed = toAdd - added
    return toAdd > 0 ? min(share, allowed) : max(share, allowed)
  }

  /// The one ReplicaSet to give all replicas to when at most one is active: the active one,
  /// else the new one, else the newest old one (`FindActiveOrLatest`).
  public static func activeOrLatest(
    newReplicaSet: ReplicaSetSummary?, oldReplicaSets: [ReplicaSetSummary]
  ) -> ReplicaSetSummary? {
    if newReplicaSet == nil && oldReplicaSets.isEmpty { return nil }
    let newestFirst = oldReplicaSets.sorted { ReplicaSetSummary.olderFirst($1, $0) }
    let active = (newestFirst + (newReplicaSet.map { [$0] } ?? [])).filter(\.isActive)
    switch active.count {
    case 0: return newReplicaSet ?? newestFirst.first
    case 1: return active[0]
    default: return nil
    }
  }

  /// Whether the new ReplicaSet holds, wants and has available all `replicas` (`IsSaturated`).
  public static func isSaturated(_ rs: ReplicaSetSummary?, replicas: Int) -> Bool {
    guard let rs, let desired = rs.desiredReplicas else { return false }
    return rs.specReplicas == replicas && desired == replicas && rs.availableReplicas == replicas
  }

  /// The scales of upstream `scale()`.
  ///
  /// One active ReplicaSet (or none) gets all replicas; a saturated new ReplicaSet sends the old
  /// ones to 0; otherwise, for RollingUpdate, `replicas + surge − Σ spec` is shared out over the
  /// active ReplicaSets, largest first (newer first when growing, older first when shrinking),
  /// and what rounding leaves goes to the first, the largest. Every active ReplicaSet is then
  /// written with the replica annotations, so entries may carry an unchanged size.
  public static func scale(
    replicas: Int, surge: Int, isRollingUpdate: Bool, newReplicaSet: ReplicaSetSummary?,
    oldReplicaSets: [ReplicaSetSummary], fallbackMaxReplicas: Int
  ) -> [DeploymentDecision.Scale] {
    func scale(_ rs: ReplicaSetSummary, to size: Int) -> DeploymentDecision.Scale {
      DeploymentDecision.Scale(
        id: rs.id, replicas: size, desiredReplicas: replicas, maxReplicas: replicas + surge)
    }
    if let only = activeOrLatest(newReplicaSet: newReplicaSet, oldReplicaSets: oldReplicaSets) {
      return only.specReplicas == replicas ? [] : [scale(only, to: replicas)]
    }
    if isSaturated(newReplicaSet, replicas: replicas) {
      return oldReplicaSets.filter(\.isActive).map { scale($0, to: 0) }
    }
    guard isRollingUpdate else { return [] }
    var active = (oldReplicaSets + (newReplicaSet.map { [$0] } ?? [])).filter(\.isActive)
    let allowedSize = replicas > 0 ? replicas + surge : 0
    let toAdd = allowedSize - DeploymentRolloutMath.specReplicaCount(active)
    if toAdd > 0 {
      // controller.ReplicaSetsBySizeNewer
      active.sort {
        $0.specReplicas != $1.specReplicas
          ? $0.specReplicas > $1.specReplicas : ReplicaSetSummary.olderFirst($1, $0)
      }
    } else if toAdd < 0 {
      // controller.ReplicaSetsBySizeOlder
      active.sort {
        $0.specReplicas != $1.specReplicas
          ? $0.specReplicas > $1.specReplicas : ReplicaSetSummary.olderFirst($0, $1)
      }
    }
    var added = 0
    var sizes = active.map(\.specReplicas)
    if toAdd != 0 {
      for (index, rs) in active.enumerated() {
        let share = proportion(
          of: rs, replicas: replicas, surge: surge, toAdd: toAdd, added: added,
          fallbackMaxReplicas: fallbackMaxReplicas)
        sizes[index] += share
        added += share
      }
      if !sizes.isEmpty { sizes[0] = max(0, sizes[0] + toAdd - added) }
    }
    return zip(active, sizes).compactMap { rs, size in
      let annotated = rs.desiredReplicas == replicas && rs.maxReplicas == replicas + surge
      return size == rs.specReplicas && annotated ? nil : scale(rs, to: size)
    }
  }
}
