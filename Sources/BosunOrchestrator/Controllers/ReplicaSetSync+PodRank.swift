extension ReplicaSetSync {
  /// What the deletion order reads of one active pod of a ReplicaSet.
  public struct PodRank: Hashable, Sendable {
    /// `status.phase` of an active pod.
    public enum Phase: Int, Hashable, Sendable, Comparable {
      /// `Pending` (and any phase upstream's ordinal table lacks).
      case pending = 0
      /// `Unknown`.
      case unknown = 1
      /// `Running`.
      case running = 2

      /// Pending before Unknown before Running (`podPhaseToOrdinal`).
      public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The pod; also the last tie-break, where upstream compares UIDs.
    public var id: Int
    /// `spec.nodeName`; nil while unscheduled.
    public var nodeName: String?
    /// `status.phase`.
    public var phase: Phase
    /// Whether the `Ready` condition is `True`.
    public var ready: Bool
    /// `lastTransitionTime` of the `Ready` condition when ready.
    public var readySince: Double?
    /// The highest `restartCount` among the regular containers.
    public var restarts: Int
    /// The highest `restartCount` among the sidecars (restartable init containers).
    public var sidecarRestarts: Int
    /// `controller.kubernetes.io/pod-deletion-cost` (default 0).
    public var deletionCost: Int
    /// `metadata.creationTimestamp`.
    public var createdAt: Double
    /// Active pods of the same owner's ReplicaSets on the same node, this one included
    /// (`getPodsRankedByRelatedPodsOnSameNode`).
    public var colocated: Int

    /// Creates a rank.
    public init(
      id: Int, nodeName: String?, phase: Phase, ready: Bool, readySince: Double? = nil,
      restarts: Int = 0, sidecarRestarts: Int = 0, deletionCost: Int = 0, createdAt: Double,
      colocated: Int = 1
    ) {
      self.id = id
      self.nodeName = nodeName
      self.phase = phase
      self.ready = ready
      self.readySince = readySince
      self.restarts = restarts
      self.sidecarRestarts = sidecarRestarts
      self.deletionCost = deletionCost
      self.createdAt = createdAt
      self.colocated = colocated
    }

    /// Whether this pod goes before `other` (`ActivePodsWithRanks.Less`), rule by rule:
    /// unassigned first; Pending, Unknown, Running; not ready first; lower deletion cost; more
    /// colocated pods; ready for a shorter time; more restarts (regular, then sidecar); newer.
    /// With `now`, times compare by the whole power of two of their age in nanoseconds, and
    /// equal buckets fall to the id (`logarithmicRankDiff`).
    public func deletedBefore(_ other: PodRank, now: Double?) -> Bool {
      let assigned = (nodeName ?? "").isEmpty == false
      let otherAssigned = (other.nodeName ?? "").isEmpty == false
      if nodeName != other.nodeName && assigned != otherAssigned { return !assigned }
      if phase != other.phase { return phase < other.phase }
      if ready != other.ready { return !ready }
      if deletionCost != other.deletionCost { return deletionCost < other.deletionCost }
      if colocated != other.colocated { return colocated > other.colocated }
      if ready && other.ready && readySince != other.readySince {
        return Self.laterOrUnset(readySince, other.readySince, id, other.id, now: now)
      }
      if restarts != other.restarts { return restarts > other.restarts }
      if sidecarRestarts != other.sidecarRestarts { return sidecarRestarts > other.sidecarRestarts }
      if createdAt != other.createdAt {
        return Self.laterOrUnset(createdAt, other.createdAt, id, other.id, now: now)
      }
      return false
    }

    /// `afterOrZero`, or the logarithmic comparison when `now` is known and both times are set.
    static func laterOrUnset(
      _ lhs: Double?, _ rhs: Double?, _ lhsID: Int, _ rhsID: Int, now: Double?
    ) -> Bool {
      guard let lhs, let rhs else { return lhs == nil }
      guard let now else { return lhs > rhs }
      let difference = logarithmicRank(age: now - lhs) - logarithmicRank(age: now - rhs)
      return difference == 0 ? lhsID < rhsID : difference < 0
    }

    /// `⌊log2(age in whole ns)⌋`, or −1 for an age that is not positive.
    static func logarithmicRank(age seconds: Double) -> Int {
      // Go's time.Duration is whole nanoseconds; the highest set bit is ⌊log2⌋
      let nanoseconds = Int((seconds * 1e9).rounded(.towardZero))
      return nanoseconds > 0 ? Int.bitWidth - 1 - nanoseconds.leadingZeroBitCount : -1
    }
  }
}
