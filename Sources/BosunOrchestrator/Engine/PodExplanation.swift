/// Why the scheduler put a pod where it did, or nowhere: every node's failed filters and
/// scores, for `bosun simulate --explain POD`.
public struct PodExplanation: Sendable {
  /// `namespace/name` of the pod explained.
  public var pod: String
  /// When the explanation was taken, in simulated seconds.
  public var at: Double
  /// Where the pod is bound, or nil while it is Pending.
  public var boundNode: String?
  /// The scheduler's message when it fits nowhere.
  public var message: String?
  /// Node by node, in node order.
  public var verdicts: [NodeVerdict]
}

extension Simulation {
  /// Explains the placement of a pod, found by `name`, `namespace/name`, or `Kind/name` of its
  /// workload (the workload's first Pending pod, else its first pod). The scheduler is asked
  /// against the cluster as it is now, without the pod itself.
  public func explain(_ query: String) -> PodExplanation? {
    let parts = query.split(separator: "/").map(String.init)
    let live = pods.compactMap { $0 }.filter(\.isActive)
    var candidates: [SimPod]
    switch parts.count {
    case 1: candidates = live.filter { $0.name == parts[0] }
    case 2:
      candidates = live.filter { $0.namespace == parts[0] && $0.name == parts[1] }
      if candidates.isEmpty {
        candidates = live.filter {
          ownerReference($0.owner).map {
            $0.kind.lowercased() == parts[0].lowercased() && $0.name == parts[1]
          } ?? false
        }
      }
    default:
      candidates = live.filter {
        ownerReference($0.owner).map {
          $0.kind.lowercased() == parts[0].lowercased() && $0.namespace == parts[1]
            && $0.name == parts[2]
        } ?? false
      }
    }
    guard
      let pod = candidates.first(where: { $0.unschedulableMessage != nil }) ?? candidates.first
    else { return nil }
    var view = nodes
    if let bound = pod.nodeIndex { view[bound].remove(podID: pod.id) }
    return PodExplanation(
      pod: "\(pod.namespace)/\(pod.name)", at: now,
      boundNode: pod.nodeIndex.map { nodes[$0].node.name },
      message: pod.unschedulableMessage,
      verdicts: scheduler.explain(schedulingRequest(for: pod), nodes: view))
  }
}
