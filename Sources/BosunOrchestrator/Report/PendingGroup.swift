import BosunCore

/// Pending pods of one owner waiting for the same reason, which text and HTML show as one row:
/// a thousand replicas that do not fit read better as one line than as a thousand.
struct PendingGroup: Equatable {
  /// The owning workload; nil for bare pods, which are never grouped.
  var workload: ObjectReference?
  /// The namespace of the pods.
  var namespace: String
  /// The first pod's name, in the report's order.
  var firstPod: String
  /// The scheduler's message they share.
  var message: String
  /// How many pods.
  var count: Int
  /// The earliest time one of them started waiting.
  var since: Double

  /// Groups in order of the earliest wait, then owner and message.
  static func groups(_ pending: [PendingPod]) -> [PendingGroup] {
    var groups: [PendingGroup] = []
    var positions: [String: Int] = [:]
    for pod in pending {
      let owner = pod.workload?.description ?? "Pod/\(pod.namespace)/\(pod.name)"
      let key = owner + "\u{0}" + pod.message
      if let position = positions[key] {
        groups[position].count += 1
        groups[position].since = min(groups[position].since, pod.since)
      } else {
        positions[key] = groups.count
        groups.append(
          PendingGroup(
            workload: pod.workload, namespace: pod.namespace, firstPod: pod.name,
            message: pod.message, count: 1, since: pod.since))
      }
    }
    return groups.enumerated().sorted { lhs, rhs in
      if lhs.element.since != rhs.element.since { return lhs.element.since < rhs.element.since }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}
