public import BosunModel

/// The StatefulSet controller's decisions for one sync, as pure functions.
///
/// Mirrors `updateStatefulSet` in pkg/controller/statefulset/stateful_set_control.go: living
/// replicas first (failed ones are deleted, missing ones created), then condemned pods (ordinals
/// outside the range), then the rolling update. Under `OrderedReady` every step stops at the
/// first pod that is not Running, Ready and available, or that is terminating.
public enum StatefulSetSync {
  /// The actions of one sync of `set` over its `pods`.
  public static func sync(_ set: StatefulSetSummary, pods: [StatefulPodSummary])
    -> [StatefulSetAction]
  {
    var plan = Plan(set: set, pods: pods)
    if plan.processReplicas() { return plan.actions }
    if plan.processCondemned() { return plan.actions }
    guard case .rollingUpdate(let partition, let maxUnavailable) = set.updateStrategy else {
      // OnDelete: pods are replaced only when someone deletes them.
      return plan.actions
    }
    if set.maxUnavailableGate {
      plan.rollBatch(partition: partition, maxUnavailable: maxUnavailable)
    } else {
      plan.rollOne(partition: partition)
    }
    return plan.actions
  }

  /// The revision `status.currentRevision` takes after a sync: the update revision once every
  /// replica runs it and is ready (mirrors `completeRollingUpdate` in stateful_set_utils.go).
  public static func currentRevision(_ set: StatefulSetSummary, pods: [StatefulPodSummary])
    -> String
  {
    guard case .rollingUpdate = set.updateStrategy else { return set.currentRevision }
    let created = pods.count
    let ready = pods.filter(\.runningAndReady).count
    let updated = pods.filter { !$0.terminating && $0.revision == set.updateRevision }.count
    let complete = created == set.replicas && ready == set.replicas && updated == set.replicas
    return complete ? set.updateRevision : set.currentRevision
  }

  /// The pods a rolling update may take down at once under the `MaxUnavailableStatefulSet`
  /// gate: `maxUnavailable` (default 1) of the replicas, percentages rounded down, at least 1
  /// (mirrors `getStatefulSetMaxUnavailable`). An unparsable value counts as 1.
  public static func maxUnavailable(_ value: IntOrString?, replicas: Int) -> Int {
    let scaled = (try? (value ?? .int(1)).scaledValue(total: replicas, roundUp: false)) ?? 1
    return max(scaled, 1)
  }

  /// The revision a newly created pod gets: the current revision below the partition (counted
  /// from the start ordinal), the update revision from it on (`newVersionedStatefulSetPod`).
  public static func revision(forNewOrdinal ordinal: Int, of set: StatefulSetSummary) -> String {
    if case .rollingUpdate(let partition, _) = set.updateStrategy,
      ordinal < set.startOrdinal + partition
    {
      return set.currentRevision
    }
    return set.updateRevision
  }
}

/// The working state of one sync: the replica slots, the condemned pods and the actions so far.
private struct Plan {
  let set: StatefulSetSummary
  let monotonic: Bool
  /// One slot per ordinal in range; `nil` until a pod exists or is created in this sync.
  var replicas: [StatefulPodSummary?]
  /// Pods outside the range, highest ordinal first.
  let condemned: [StatefulPodSummary]
  /// The first unavailable replica, else the lowest unavailable condemned pod.
  let firstUnavailable: StatefulPodSummary?
  var actions: [StatefulSetAction] = []

  init(set: StatefulSetSummary, pods: [StatefulPodSummary]) {
    self.set = set
    monotonic = set.podManagementPolicy == .orderedReady
    let range = set.ordinalRange
    var slots = [StatefulPodSummary?](repeating: nil, count: range.count)
    var outside: [StatefulPodSummary] = []
    for pod in pods where pod.ordinal >= 0 {
      if range.contains(pod.ordinal) {
        if slots[pod.ordinal - range.lowerBound] == nil {
          slots[pod.ordinal - range.lowerBound] = pod
        }
      } else {
        outside.append(pod)
      }
    }
    replicas = slots
    condemned = outside.sorted { $0.ordinal > $1.ordinal }
    // A missing replica is unavailable too; it shadows every condemned pod.
    if let first = slots.first(where: { $0?.unavailable ?? true }) {
      firstUnavailable = first
    } else {
      firstUnavailable = condemned.last(where: \.unavailable)
    }
  }

  /// Deletes failed replicas and creates missing ones; true when the sync must stop here.
  mutating func processReplicas() -> Bool {
    for index in replicas.indices {
      let ordinal = set.startOrdinal + index
      guard let pod = replicas[index] else {
        let revision = StatefulSetSync.revision(forNewOrdinal: ordinal, of: set)
        actions.append(.create(ordinal: ordinal, revision: revision))
        for template in set.volumeClaimTemplates {
          actions.append(
            .createClaim(
              name: set.claimName(template: template, ordinal: ordinal), ordinal: ordinal))
        }
        // The new pod is not running yet: it is unavailable for the rest of this sync.
        replicas[index] = StatefulPodSummary(
          ordinal: ordinal, revision: revision, phase: .created, ready: false)
        if monotonic { return true }
        continue
      }
      if pod.failed {
        // Failed and Succeeded pods are deleted; the next sync recreates them.
        if !pod.terminating { actions.append(.delete(ordinal: ordinal)) }
        if monotonic { return true }
        continue
      }
      if monotonic && (pod.terminating || !pod.runningAndReady || !pod.available) {
        return true
      }
    }
    return false
  }

  /// Deletes condemned pods, highest ordinal first; true when the sync must stop here.
  mutating func processCondemned() -> Bool {
    for pod in condemned {
      if pod.terminating {
        if monotonic { return true }
        continue
      }
      // Under OrderedReady only a healthy pod, or the first unhealthy one, may go.
      if monotonic && pod != firstUnavailable && (!pod.runningAndReady || !pod.available) {
        return true
      }
      actions.append(.delete(ordinal: pod.ordinal))
      if set.whenScaled == .delete {
        for template in set.volumeClaimTemplates {
          actions.append(
            .deleteClaim(
              name: set.claimName(template: template, ordinal: pod.ordinal), ordinal: pod.ordinal))
        }
      }
      if monotonic { return true }
    }
    return false
  }

  /// Without the gate: delete the highest out-of-date pod at or above the partition, unless a
  /// pod above it is still unavailable; one pod per sync, under either policy.
  mutating func rollOne(partition: Int) {
    for index in replicas.indices.reversed() where index >= partition {
      guard let pod = replicas[index] else { return }
      if pod.revision != set.updateRevision && !pod.terminating {
        actions.append(.delete(ordinal: pod.ordinal))
        return
      }
      if pod.unavailable { return }
    }
  }

  /// With the gate (`updateStatefulSetAfterInvariantEstablished`): delete out-of-date pods from
  /// the top down to the partition while fewer than `maxUnavailable` replicas are unavailable.
  mutating func rollBatch(partition: Int, maxUnavailable: IntOrString?) {
    let budget = StatefulSetSync.maxUnavailable(maxUnavailable, replicas: set.replicas)
    let unavailable = replicas.filter { $0?.unavailable ?? true }.count
    guard unavailable <= budget else { return }
    var remaining = budget - unavailable
    for index in replicas.indices.reversed() where index >= partition && remaining > 0 {
      guard let pod = replicas[index] else { continue }
      if pod.revision != set.updateRevision && !pod.terminating {
        actions.append(.delete(ordinal: pod.ordinal))
        remaining -= 1
      }
    }
  }
}
