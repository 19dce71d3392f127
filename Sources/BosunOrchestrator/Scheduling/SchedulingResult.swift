/// Where a pod goes, or why it goes nowhere.
public struct SchedulingResult: Sendable {
  /// The chosen node's index in the `nodes` passed to `Scheduler.schedule`.
  public var nodeIndex: Int?
  /// The chosen node's name.
  public var nodeName: String?
  /// The chosen node's weighted total score.
  public var score: Int64?
  /// The nodes that shared the top score, sorted by name (the first is chosen); empty when no
  /// node fits. kube-scheduler breaks such ties at random.
  public var tiedNodeNames: [String]
  /// How many nodes passed every filter.
  public var feasibleNodeCount: Int
  /// For a pod that fits nowhere, the FitError message kube-scheduler records on the pod
  /// (`0/6 nodes are available: ...`); empty otherwise.
  public var message: String
  /// For a pod that fits nowhere: the nodes where evicting lower-priority pods would make room
  /// (preemption itself is not simulated; upstream would nominate one of them).
  public var preemptionCandidates: [String]

  /// Creates a result.
  public init(
    nodeIndex: Int?, nodeName: String?, score: Int64?, tiedNodeNames: [String],
    feasibleNodeCount: Int, message: String, preemptionCandidates: [String] = []
  ) {
    self.nodeIndex = nodeIndex
    self.nodeName = nodeName
    self.score = score
    self.tiedNodeNames = tiedNodeNames
    self.feasibleNodeCount = feasibleNodeCount
    self.message = message
    self.preemptionCandidates = preemptionCandidates
  }

  /// Whether a node was found.
  public var isScheduled: Bool { nodeIndex != nil }
}
