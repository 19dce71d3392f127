import BosunCore

/// What the run remembers for its report: cluster events, replica counts of the watched
/// workloads whenever they change, node usage at a bounded rate, and fault healing.
struct Recorder {
  /// Replica counts of one workload at one time.
  struct Counts: Equatable {
    var desired = 0
    var updated = 0
    var ready = 0
    var available = 0
    var total = 0
  }

  var eventLimit: Int
  var events: [ClusterEvent] = []
  var eventsDropped = 0
  /// Where an (object, reason, message) already is in `events`: repeats count up, as the
  /// event recorder aggregates them.
  private var eventIndex: [String: Int] = [:]
  /// The workloads whose timelines the report shows, and their samples.
  var watched: [WorkloadKey: [(time: Double, counts: Counts)]] = [:]
  /// The highest pod total above desired seen per workload, and the requests of that surge.
  var surgePeaks: [WorkloadKey: (at: Double, pods: Int, requests: ResourceList)] = [:]
  /// The largest shortfall of available pods below desired, per workload.
  var unavailablePeaks: [WorkloadKey: Int] = [:]
  var nodeSamples: [[NodeSample]] = []
  var lastNodeSampleAt = -Double.infinity
  /// Seconds between node usage samples.
  var nodeSampleInterval = 5.0
  var healing: [(fault: Int, owners: Set<SimPod.Owner>, displaced: [Int])] = []

  /// One node's usage at one time.
  struct NodeSample {
    var time: Double
    var milliCPU: Int64
    var memory: Int64
    var pods: Int
  }

  init(eventLimit: Int) { self.eventLimit = eventLimit }

  /// Reasons that `kubectl get events` shows as warnings.
  static let warningReasons: Set<String> = [
    "FailedScheduling", "BackOff", "Unhealthy", "ProgressDeadlineExceeded", "EvictionBlocked",
    "BackoffLimitExceeded", "DeadlineExceeded", "NodeNotReady", "NodeFailure",
  ]

  /// Records an event about `object` (`Kind/namespace/name` or `Kind/name`).
  mutating func event(at time: Double, object: String, reason: String, message: String) {
    let aggregate = "\(object)\u{0}\(reason)\u{0}\(message)"
    if let index = eventIndex[aggregate] {
      events[index].count += 1
      return
    }
    guard events.count < eventLimit else {
      eventsDropped += 1
      return
    }
    eventIndex[aggregate] = events.count
    events.append(
      ClusterEvent(
        time: time, type: Self.warningReasons.contains(reason) ? .warning : .normal,
        object: Self.reference(object), reason: reason, message: message))
  }

  /// `Kind/namespace/name` as a reference with the kind's apiVersion.
  static func reference(_ text: String) -> ObjectReference {
    let parts = text.split(separator: "/", maxSplits: 2).map(String.init)
    let kind = parts.first ?? ""
    let apiVersion =
      switch kind {
      case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet": "apps/v1"
      case "Job": "batch/v1"
      default: "v1"
      }
    return ObjectReference(
      apiVersion: apiVersion, kind: kind, namespace: parts.count == 3 ? parts[1] : nil,
      name: parts.last ?? "")
  }

  mutating func watch(_ key: WorkloadKey) {
    if watched[key] == nil { watched[key] = [] }
  }

  mutating func trackHealing(faultIndex: Int, owners: Set<SimPod.Owner>, displaced: [Int]) {
    healing.append((faultIndex, owners, displaced))
  }

  /// Samples the watched workloads (when their counts changed) and the nodes (at most every
  /// `nodeSampleInterval` seconds).
  mutating func sample(_ simulation: Simulation) {
    let now = simulation.now
    let keys = simulation.touched.filter { watched[$0] != nil }
    simulation.touched.removeAll(keepingCapacity: true)
    for key in keys {
      let counts = simulation.counts(of: key)
      if watched[key]?.last?.counts != counts {
        if watched[key]?.last?.time == now { watched[key]?.removeLast() }
        watched[key]?.append((now, counts))
      }
      let shortfall = max(0, counts.desired - counts.available)
      unavailablePeaks[key] = max(unavailablePeaks[key] ?? 0, shortfall)
      let surge = counts.total - counts.desired
      if surge > (surgePeaks[key]?.pods ?? 0) {
        surgePeaks[key] = (now, surge, simulation.surgeRequests(of: key, pods: surge))
      }
    }
    if nodeSamples.count != simulation.nodes.count {
      nodeSamples = Array(repeating: [], count: simulation.nodes.count)
    }
    if now - lastNodeSampleAt >= nodeSampleInterval || now == 0 {
      lastNodeSampleAt = now
      for (index, state) in simulation.nodes.enumerated() {
        let sample = NodeSample(
          time: now, milliCPU: state.requested.milliCPU, memory: state.requested.memory,
          pods: state.podCount)
        if let last = nodeSamples[index].last, last.milliCPU == sample.milliCPU,
          last.memory == sample.memory, last.pods == sample.pods
        {
          continue
        }
        nodeSamples[index].append(sample)
      }
    }
  }
}
