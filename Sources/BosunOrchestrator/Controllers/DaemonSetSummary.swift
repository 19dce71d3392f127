public import BosunModel

/// What the DaemonSet controller needs of a DaemonSet: its update strategy and the revision new
/// pods get.
public struct DaemonSetSummary: Hashable, Sendable {
  /// `spec.updateStrategy`.
  public enum UpdateStrategy: Hashable, Sendable {
    /// Replace pods node by node within `maxUnavailable` (default 1) and `maxSurge` (default 0).
    case rollingUpdate(maxUnavailable: IntOrString, maxSurge: IntOrString)
    /// Replace pods only when someone deletes them.
    case onDelete
  }

  /// `spec.updateStrategy`.
  public var updateStrategy: UpdateStrategy
  /// `spec.minReadySeconds`.
  public var minReadySeconds: Int
  /// The revision (`controller-revision-hash`) of the current template.
  public var updateRevision: String

  /// Creates a summary directly (tests, generated workloads).
  public init(
    updateStrategy: UpdateStrategy = .rollingUpdate(maxUnavailable: .int(1), maxSurge: .int(0)),
    minReadySeconds: Int = 0, updateRevision: String
  ) {
    self.updateStrategy = updateStrategy
    self.minReadySeconds = minReadySeconds
    self.updateRevision = updateRevision
  }

  /// Reads a DaemonSet with the API server's defaults (pkg/apis/apps/v1/defaults.go).
  public init(_ set: DaemonSet, updateRevision: String) {
    let strategy = set.updateStrategy
    self.init(
      updateStrategy: strategy.type == "OnDelete"
        ? .onDelete
        : .rollingUpdate(
          maxUnavailable: strategy.maxUnavailable ?? .int(1), maxSurge: strategy.maxSurge ?? .int(0)
        ),
      minReadySeconds: set.minReadySeconds ?? 0, updateRevision: updateRevision)
  }
}

/// One node as the DaemonSet controller sees it: whether the daemon pod belongs there and the
/// pods of this DaemonSet already on it.
public struct DaemonNodeSummary: Hashable, Sendable {
  /// A pod of this DaemonSet on the node.
  public struct Pod: Hashable, Sendable {
    /// The pod's name.
    public var id: String
    /// The `controller-revision-hash` label.
    public var revision: String
    /// The `Ready` condition.
    public var ready: Bool
    /// Ready for at least `minReadySeconds` (the engine computes it on its clock).
    public var available: Bool
    /// `metadata.deletionTimestamp` is set.
    public var terminating: Bool
    /// `status.phase` is `Failed` or `Succeeded`: the controller deletes it.
    public var failed: Bool
    /// `metadata.creationTimestamp` on the virtual clock; the oldest pod is kept.
    public var creationTime: Double

    /// Creates a pod summary; `available` defaults to `ready`.
    public init(
      id: String, revision: String, ready: Bool = true, available: Bool? = nil,
      terminating: Bool = false, failed: Bool = false, creationTime: Double = 0
    ) {
      self.id = id
      self.revision = revision
      self.ready = ready
      self.available = available ?? ready
      self.terminating = terminating
      self.failed = failed
      self.creationTime = creationTime
    }
  }

  /// `metadata.name` of the node.
  public var name: String
  /// `shouldRun` of `NodeShouldRunDaemonPod`: selector, affinity and taints admit a new pod.
  public var shouldRun: Bool
  /// `shouldContinueRunning`: a pod already there may stay (taints with effect `NoExecute`
  /// only); defaults to `shouldRun`.
  public var shouldContinueRunning: Bool
  /// The pods of this DaemonSet on the node.
  public var pods: [Pod]

  /// Creates a node summary.
  public init(
    name: String, shouldRun: Bool = true, shouldContinueRunning: Bool? = nil, pods: [Pod] = []
  ) {
    self.name = name
    self.shouldRun = shouldRun
    self.shouldContinueRunning = shouldContinueRunning ?? shouldRun
    self.pods = pods
  }
}
