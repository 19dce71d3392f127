/// What the pods on one node requested over time, against what the node can give.
public struct NodeUsage: Sendable, Equatable {
  /// The requests of the pods bound to the node at one moment.
  public struct Sample: Sendable, Equatable {
    /// Seconds from the start.
    public var time: Double
    /// Requested CPU in millicores.
    public var milliCPU: Int64
    /// Requested memory in bytes.
    public var memory: Int64
    /// Pods bound.
    public var pods: Int

    /// Creates a sample.
    public init(time: Double, milliCPU: Int64, memory: Int64, pods: Int) {
      self.time = time
      self.milliCPU = milliCPU
      self.memory = memory
      self.pods = pods
    }
  }

  /// `metadata.name`.
  public var name: String
  /// `status.allocatable` without `pods`.
  public var allocatable: ResourceList
  /// `status.allocatable.pods`.
  public var allowedPodCount: Int
  /// Requests at every change, in time order; the first is at 0.
  public var samples: [Sample]
  /// When a fault took the node down; nil when it stayed up.
  public var failedAt: Double?
  /// When a drain cordoned the node; nil when it was not drained.
  public var drainedAt: Double?

  /// Creates a node's usage.
  public init(
    name: String, allocatable: ResourceList,
    allowedPodCount: Int = SimNode.defaultAllowedPodCount, samples: [Sample] = [],
    failedAt: Double? = nil, drainedAt: Double? = nil
  ) {
    self.name = name
    self.allocatable = allocatable
    self.allowedPodCount = allowedPodCount
    self.samples = samples
    self.failedAt = failedAt
    self.drainedAt = drainedAt
  }

  /// The largest share of allocatable CPU, memory or pod slots requested at any time, from 0
  /// to 1 (more when the node was overcommitted before the simulation started).
  public var peakUtilisation: Double {
    samples.map(utilisation).max() ?? 0
  }

  /// The largest share of CPU, memory or pod slots a sample requests.
  public func utilisation(_ sample: Sample) -> Double {
    max(
      Self.share(sample.milliCPU, of: allocatable.milliCPU),
      Self.share(sample.memory, of: allocatable.memory),
      Self.share(Int64(sample.pods), of: Int64(allowedPodCount)))
  }

  private static func share(_ amount: Int64, of capacity: Int64) -> Double {
    guard capacity > 0 else { return amount > 0 ? 1 : 0 }
    return Double(amount) / Double(capacity)
  }
}
