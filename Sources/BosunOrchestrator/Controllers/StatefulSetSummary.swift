public import BosunModel

/// What the StatefulSet controller needs of a StatefulSet: its scale, ordinals, policies and
/// the two revisions it rolls between.
///
/// Defaults follow `pkg/apis/apps/v1/defaults.go`: one replica, `OrderedReady`, `RollingUpdate`
/// with partition 0, claims retained.
public struct StatefulSetSummary: Hashable, Sendable {
  /// `spec.podManagementPolicy`.
  public enum PodManagementPolicy: String, Hashable, Sendable {
    /// One pod at a time, in ordinal order (the default).
    case orderedReady = "OrderedReady"
    /// Create and delete without waiting for other pods.
    case parallel = "Parallel"
  }

  /// `spec.updateStrategy`.
  public enum UpdateStrategy: Hashable, Sendable {
    /// Replace pods from the highest ordinal down to `partition`.
    case rollingUpdate(partition: Int, maxUnavailable: IntOrString?)
    /// Replace pods only when someone deletes them.
    case onDelete
  }

  /// One side of `spec.persistentVolumeClaimRetentionPolicy`.
  public enum ClaimRetention: String, Hashable, Sendable {
    /// Keep the claims (the default).
    case retain = "Retain"
    /// Delete the claims with their pod (`whenScaled`) or with the set (`whenDeleted`).
    case delete = "Delete"
  }

  /// `metadata.name`; pods are `<name>-<ordinal>`.
  public var name: String
  /// `spec.replicas` (default 1).
  public var replicas: Int
  /// `spec.ordinals.start` (default 0).
  public var startOrdinal: Int
  /// `spec.podManagementPolicy`.
  public var podManagementPolicy: PodManagementPolicy
  /// `spec.updateStrategy`.
  public var updateStrategy: UpdateStrategy
  /// `spec.minReadySeconds`.
  public var minReadySeconds: Int
  /// `status.currentRevision`: the revision of pods below the partition.
  public var currentRevision: String
  /// `status.updateRevision`: the revision of the current template.
  public var updateRevision: String
  /// `spec.volumeClaimTemplates[*].metadata.name`.
  public var volumeClaimTemplates: [String]
  /// `spec.persistentVolumeClaimRetentionPolicy.whenScaled`.
  public var whenScaled: ClaimRetention
  /// `spec.persistentVolumeClaimRetentionPolicy.whenDeleted`.
  public var whenDeleted: ClaimRetention
  /// Whether the `MaxUnavailableStatefulSet` feature gate is on (alpha in 1.24, beta and on by
  /// default since 1.35): rolling updates then replace up to `maxUnavailable` pods at once.
  public var maxUnavailableGate: Bool

  /// Creates a summary directly (tests, generated workloads).
  public init(
    name: String, replicas: Int = 1, startOrdinal: Int = 0,
    podManagementPolicy: PodManagementPolicy = .orderedReady,
    updateStrategy: UpdateStrategy = .rollingUpdate(partition: 0, maxUnavailable: nil),
    minReadySeconds: Int = 0, currentRevision: String, updateRevision: String,
    volumeClaimTemplates: [String] = [], whenScaled: ClaimRetention = .retain,
    whenDeleted: ClaimRetention = .retain, maxUnavailableGate: Bool = true
  ) {
    self.name = name
    self.replicas = replicas
    self.startOrdinal = startOrdinal
    self.podManagementPolicy = podManagementPolicy
    self.updateStrategy = updateStrategy
    self.minReadySeconds = minReadySeconds
    self.currentRevision = currentRevision
    self.updateRevision = updateRevision
    self.volumeClaimTemplates = volumeClaimTemplates
    self.whenScaled = whenScaled
    self.whenDeleted = whenDeleted
    self.maxUnavailableGate = maxUnavailableGate
  }

  /// Reads a StatefulSet with the API server's defaults. The revisions come from the engine's
  /// revision history; `spec.ordinals` and the claim retention policy are not decoded by the
  /// model yet, so they are passed in.
  public init(
    _ set: StatefulSet, currentRevision: String, updateRevision: String, startOrdinal: Int = 0,
    whenScaled: ClaimRetention = .retain, whenDeleted: ClaimRetention = .retain,
    maxUnavailableGate: Bool = true
  ) {
    let strategy: UpdateStrategy =
      set.updateStrategy.type == "OnDelete"
      ? .onDelete
      : .rollingUpdate(
        partition: set.updateStrategy.partition ?? 0,
        maxUnavailable: set.updateStrategy.maxUnavailable)
    self.init(
      name: set.metadata.name ?? "", replicas: set.replicas ?? 1, startOrdinal: startOrdinal,
      podManagementPolicy: set.podManagementPolicy == "Parallel" ? .parallel : .orderedReady,
      updateStrategy: strategy, minReadySeconds: set.minReadySeconds ?? 0,
      currentRevision: currentRevision, updateRevision: updateRevision,
      volumeClaimTemplates: set.volumeClaimTemplates.compactMap(\.metadata.name),
      whenScaled: whenScaled, whenDeleted: whenDeleted, maxUnavailableGate: maxUnavailableGate)
  }

  /// The ordinals the set should have: `[start, start + replicas)`.
  public var ordinalRange: Range<Int> { startOrdinal..<(startOrdinal + max(replicas, 0)) }

  /// The name of the claim `template` makes for `ordinal`: `<template>-<set>-<ordinal>`
  /// (mirrors `getPersistentVolumeClaimName` in stateful_set_utils.go).
  public func claimName(template: String, ordinal: Int) -> String {
    "\(template)-\(name)-\(ordinal)"
  }
}

/// What the StatefulSet controller needs of one of its pods.
public struct StatefulPodSummary: Hashable, Sendable {
  /// The pod's phase as far as the controller cares.
  public enum Phase: Hashable, Sendable {
    /// Created but not running yet (`Pending`).
    case created
    /// `Running`.
    case running
  }

  /// The ordinal parsed from the pod name.
  public var ordinal: Int
  /// The `controller-revision-hash` label.
  public var revision: String
  /// `status.phase`, unless the pod ended (see `failed`).
  public var phase: Phase
  /// The `Ready` condition.
  public var ready: Bool
  /// Ready for at least `minReadySeconds` (the engine computes it on its clock).
  public var available: Bool
  /// `metadata.deletionTimestamp` is set.
  public var terminating: Bool
  /// `status.phase` is `Failed` or `Succeeded`: the controller deletes and recreates it.
  public var failed: Bool

  /// Creates a pod summary; `available` defaults to `ready`, as with `minReadySeconds: 0`.
  public init(
    ordinal: Int, revision: String, phase: Phase = .running, ready: Bool = true,
    available: Bool? = nil, terminating: Bool = false, failed: Bool = false
  ) {
    self.ordinal = ordinal
    self.revision = revision
    self.phase = phase
    self.ready = ready
    self.available = available ?? ready
    self.terminating = terminating
    self.failed = failed
  }

  /// Running and Ready (`isRunningAndReady` in stateful_set_utils.go).
  var runningAndReady: Bool { phase == .running && ready && !failed }

  /// Not available or terminating: what holds back a rolling update.
  var unavailable: Bool { !(runningAndReady && available) || terminating }
}
