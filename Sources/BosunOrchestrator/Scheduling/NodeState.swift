/// A node and what is bound to it, kept in step as pods come and go.
///
/// Mirrors `framework.NodeInfo` (pkg/scheduler/framework/types.go): `requested` sums the pods'
/// requests, `nonZeroRequested` the same with the scoring defaults for containers that request
/// nothing. Adding and removing a pod costs O(1) plus its ports.
public struct NodeState: Sendable {
  /// The node.
  public var node: SimNode {
    didSet { summarize() }
  }
  /// Sum of the residents' requests, terminating ones included.
  public private(set) var requested: ResourceList
  /// Sum of the residents' non-zero requests (what the scoring plugins count).
  public private(set) var nonZeroRequested: ResourceList
  /// The pods on the node, in no particular order.
  public private(set) var residents: [ResidentPod]
  /// Host ports held by the residents.
  public private(set) var usedPorts: [HostPort]
  private var slots: [Int: Int]
  /// Residents with pod affinity or anti-affinity terms of any kind.
  public private(set) var residentsWithAffinity: Int
  /// Residents with required pod anti-affinity terms.
  public private(set) var residentsWithRequiredAntiAffinity: Int
  /// What the filters and scores read of every node in every cycle, kept in step with the
  /// node and its pods.
  private(set) var summary: NodeSummary

  /// Creates the state of a node with these pods on it.
  public init(node: SimNode, residents: [ResidentPod] = []) {
    self.node = node
    requested = .zero
    nonZeroRequested = .zero
    self.residents = []
    usedPorts = []
    slots = [:]
    residentsWithAffinity = 0
    residentsWithRequiredAntiAffinity = 0
    summary = NodeSummary()
    summarize()
    for pod in residents { add(pod) }
  }

  /// Pods on the node, terminating ones included (what `allowedPodCount` limits).
  public var podCount: Int { residents.count }

  /// The resident with this id.
  public func resident(id: Int) -> ResidentPod? {
    slots[id].map { residents[$0] }
  }

  /// Binds a pod to the node. A pod whose id is already here replaces the earlier one.
  public mutating func add(_ pod: ResidentPod) {
    if slots[pod.id] != nil { remove(podID: pod.id) }
    slots[pod.id] = residents.count
    residents.append(pod)
    requested += pod.requests.requests
    nonZeroRequested += pod.requests.nonZeroRequests
    usedPorts += pod.constraints.hostPorts
    if pod.constraints.hasInterPodConstraints { residentsWithAffinity += 1 }
    if !pod.constraints.requiredAntiAffinity.isEmpty { residentsWithRequiredAntiAffinity += 1 }
    summarize()
  }

  /// Takes a pod off the node (it is gone); returns it, or nil when it was not here.
  @discardableResult
  public mutating func remove(podID: Int) -> ResidentPod? {
    guard let slot = slots.removeValue(forKey: podID) else { return nil }
    let pod = residents[slot]
    let last = residents.count - 1
    if slot != last {
      residents[slot] = residents[last]
      slots[residents[slot].id] = slot
    }
    residents.removeLast()
    requested -= pod.requests.requests
    nonZeroRequested -= pod.requests.nonZeroRequests
    for port in pod.constraints.hostPorts {
      if let index = usedPorts.firstIndex(of: port) { usedPorts.remove(at: index) }
    }
    if pod.constraints.hasInterPodConstraints { residentsWithAffinity -= 1 }
    if !pod.constraints.requiredAntiAffinity.isEmpty { residentsWithRequiredAntiAffinity -= 1 }
    summarize()
    return pod
  }

  /// Marks a pod as being deleted: it keeps its resources and ports until `remove(podID:)`.
  public mutating func markTerminating(podID: Int) {
    guard let slot = slots[podID] else { return }
    residents[slot].terminating = true
  }

  private mutating func summarize() {
    summary = NodeSummary(
      allocatableMilliCPU: node.allocatable.milliCPU, allocatableMemory: node.allocatable.memory,
      allocatableEphemeralStorage: node.allocatable.ephemeralStorage,
      requestedMilliCPU: requested.milliCPU, requestedMemory: requested.memory,
      requestedEphemeralStorage: requested.ephemeralStorage,
      nonZeroRequestedMilliCPU: nonZeroRequested.milliCPU,
      nonZeroRequestedMemory: nonZeroRequested.memory, podCount: residents.count,
      allowedPodCount: node.allowedPodCount, unschedulable: node.unschedulable,
      ready: node.ready, hasTaints: !node.taints.isEmpty, hasUsedPorts: !usedPorts.isEmpty)
  }
}

/// The integers and flags of a node that every scheduling cycle reads: plain values, so that
/// reading them copies no labels, taints or pods.
struct NodeSummary: Sendable {
  var allocatableMilliCPU: Int64 = 0
  var allocatableMemory: Int64 = 0
  var allocatableEphemeralStorage: Int64 = 0
  var requestedMilliCPU: Int64 = 0
  var requestedMemory: Int64 = 0
  var requestedEphemeralStorage: Int64 = 0
  var nonZeroRequestedMilliCPU: Int64 = 0
  var nonZeroRequestedMemory: Int64 = 0
  var podCount = 0
  var allowedPodCount = 0
  var unschedulable = false
  var ready = true
  var hasTaints = false
  var hasUsedPorts = false

  /// Whether the node-local filters other than NodeResourcesFit can pass it without looking
  /// further: schedulable, Ready and untainted.
  var isPlain: Bool { !unschedulable && ready && !hasTaints }
}
