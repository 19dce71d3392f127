import BosunModel

/// The DaemonSet controller's decisions for one sync, as pure functions.
///
/// Mirrors `syncDaemonSet` in pkg/controller/daemon/daemon_controller.go: `manage` first (one
/// pod per eligible node, failed and extra pods deleted, pods on nodes that may not keep them
/// deleted); the rolling update of update.go runs only when `manage` had nothing to do, as
/// upstream waits for its expectations to be observed. Nodes are visited by name, where upstream
/// walks a map, so that runs are reproducible.
public enum DaemonSetSync {
  /// The actions of one sync of `set` over `nodes`.
  public static func sync(_ set: DaemonSetSummary, nodes: [DaemonNodeSummary]) -> [DaemonSetAction]
  {
    let nodes = nodes.sorted { $0.name < $1.name }
    let managed = manage(set, nodes: nodes)
    guard managed.isEmpty, case .rollingUpdate = set.updateStrategy else { return managed }
    let desired = nodes.filter(\.shouldRun).count
    let limits = rollingParameters(set, desiredNumberScheduled: desired)
    let inScope = nodes.filter { $0.shouldRun || !$0.pods.isEmpty }
    if limits.maxSurge == 0 {
      return replaceWithoutSurge(set, nodes: inScope, maxUnavailable: limits.maxUnavailable)
    }
    return replaceWithSurge(set, nodes: inScope, maxSurge: limits.maxSurge, desired: desired)
  }

  /// The rolling update's limits for `desiredNumberScheduled` nodes (`updatedDesiredNodeCounts`
  /// in update.go): both percentages round up, unlike a Deployment's `maxUnavailable`; when both
  /// come out 0 on a non-empty set, `maxUnavailable` is 1. An unparsable value counts as 0.
  public static func rollingParameters(_ set: DaemonSetSummary, desiredNumberScheduled: Int)
    -> (maxSurge: Int, maxUnavailable: Int)
  {
    var surge = 0
    var unavailable = 0
    if case .rollingUpdate(let maxUnavailable, let maxSurge) = set.updateStrategy {
      surge = (try? maxSurge.scaledValue(total: desiredNumberScheduled, roundUp: true)) ?? 0
      unavailable =
        (try? maxUnavailable.scaledValue(total: desiredNumberScheduled, roundUp: true)) ?? 0
    }
    if desiredNumberScheduled > 0 && surge == 0 && unavailable == 0 { unavailable = 1 }
    return (surge, unavailable)
  }

  /// Whether the set may run an old and a new pod on one node (`AllowsSurge`: `maxSurge` of a
  /// single node is above 0).
  static func allowsSurge(_ set: DaemonSetSummary) -> Bool {
    guard case .rollingUpdate(_, let maxSurge) = set.updateStrategy else { return false }
    return ((try? maxSurge.scaledValue(total: 1, roundUp: true)) ?? 0) > 0
  }

  /// `podsShouldBeOnNode` for every node.
  private static func manage(_ set: DaemonSetSummary, nodes: [DaemonNodeSummary])
    -> [DaemonSetAction]
  {
    var actions: [DaemonSetAction] = []
    for node in nodes {
      // Pods that are both deleted and finished no longer count as being on the node.
      let exists = node.pods.contains { !($0.terminating && $0.failed) }
      if node.shouldRun && !exists {
        actions.append(.create(node: node.name, revision: set.updateRevision))
      } else if node.shouldContinueRunning {
        actions += prune(set, node: node)
      } else {
        actions += node.pods.filter { !$0.terminating }.map { .delete(podID: $0.id) }
      }
    }
    return actions
  }

  /// Deletes failed pods and all but the pods the node may keep: the oldest one, or while
  /// surging the oldest old pod and the oldest new pod until the new one is available.
  private static func prune(_ set: DaemonSetSummary, node: DaemonNodeSummary) -> [DaemonSetAction] {
    let live = node.pods.filter { !$0.terminating }
    var actions = live.filter(\.failed).map { DaemonSetAction.delete(podID: $0.id) }
    let running = live.filter { !$0.failed }.sorted {
      ($0.creationTime, $0.id) < ($1.creationTime, $1.id)
    }
    guard allowsSurge(set) else {
      return actions + running.dropFirst().map { .delete(podID: $0.id) }
    }
    if running.isEmpty && node.shouldRun {
      return actions + [.create(node: node.name, revision: set.updateRevision)]
    }
    guard running.count > 1 else { return actions }
    let oldestNew = running.first { $0.revision == set.updateRevision }
    let oldestOld = running.first { $0.revision != set.updateRevision }
    actions += running.filter { $0 != oldestNew && $0 != oldestOld }.map { .delete(podID: $0.id) }
    if let new = oldestNew, let old = oldestOld, !old.ready || new.available {
      actions.append(.delete(podID: old.id))
    }
    return actions
  }

  /// The node's new and old pod, or `nil` when it has more than one of either
  /// (`findUpdatedPodsOnNode`); terminating pods are left out.
  private static func updatedPods(_ set: DaemonSetSummary, on node: DaemonNodeSummary) -> (
    new: DaemonNodeSummary.Pod?, old: DaemonNodeSummary.Pod?
  )? {
    let live = node.pods.filter { !$0.terminating }
    let new = live.filter { $0.revision == set.updateRevision }
    let old = live.filter { $0.revision != set.updateRevision }
    guard new.count <= 1, old.count <= 1 else { return nil }
    return (new.first, old.first)
  }

  /// `maxSurge == 0`: delete old pods while fewer than `maxUnavailable` nodes are unavailable;
  /// `manage` creates the new pods once the old ones are gone.
  private static func replaceWithoutSurge(
    _ set: DaemonSetSummary, nodes: [DaemonNodeSummary], maxUnavailable: Int
  ) -> [DaemonSetAction] {
    var unavailable = 0
    var replacements: [String] = []
    var candidates: [String] = []
    for node in nodes {
      guard let (new, old) = updatedPods(set, on: node) else {
        unavailable += 1
        continue
      }
      switch (new, old) {
      case (nil, nil), (.some, .some):
        unavailable += 1
      case (.some(let new), nil):
        if !new.available { unavailable += 1 }
      case (nil, .some(let old)):
        if !old.available {
          replacements.append(old.id)
          unavailable += 1
        } else if unavailable < maxUnavailable {
          candidates.append(old.id)
        }
      }
    }
    let room = min(max(maxUnavailable - unavailable, 0), candidates.count)
    return (replacements + candidates.prefix(room)).map { .delete(podID: $0) }
  }

  /// `maxSurge > 0`: start a new pod beside an old one on at most `maxSurge` nodes at a time
  /// (at once where the old pod is unavailable); delete the old pod when the new one is
  /// available. Old pods on nodes the set no longer fits leave only while enough pods elsewhere
  /// are available.
  private static func replaceWithSurge(
    _ set: DaemonSetSummary, nodes: [DaemonNodeSummary], maxSurge: Int, desired: Int
  ) -> [DaemonSetAction] {
    var deletions: [String] = []
    var leavingNodes: [String] = []
    var allowedNodes: [String] = []
    var candidateNodes: [String] = []
    var surging = 0
    var available = 0
    for node in nodes {
      guard let (new, old) = updatedPods(set, on: node) else {
        surging += 1
        continue
      }
      if let old {
        available += old.available ? 1 : 0
      } else if let new {
        available += new.available ? 1 : 0
      }
      switch (new, old) {
      case (_, nil):
        break
      case (nil, .some(let old)):
        if !old.available {
          if node.shouldRun { allowedNodes.append(node.name) } else { deletions.append(old.id) }
        } else if !node.shouldRun {
          leavingNodes.append(old.id)
        } else if surging < maxSurge {
          candidateNodes.append(node.name)
        }
      case (.some(let new), .some(let old)):
        if new.available { deletions.append(old.id) } else { surging += 1 }
      }
    }
    let deletable = min(max(available - desired, 0), leavingNodes.count)
    deletions += leavingNodes.prefix(deletable)
    let room = min(max(maxSurge - surging, 0), candidateNodes.count)
    let creations = (allowedNodes + candidateNodes.prefix(room)).map {
      DaemonSetAction.create(node: $0, revision: set.updateRevision)
    }
    return deletions.map { .delete(podID: $0) } + creations
  }
}
