/// Revision numbers of a Deployment's ReplicaSets and the cleanup of old ones.
///
/// Mirrors `pkg/controller/deployment/util/deployment_util.go` (`MaxRevision`,
/// `SetNewReplicaSetAnnotations`) and `pkg/controller/deployment/sync.go`
/// (`getNewReplicaSet`, `cleanupDeployment`).
public enum RevisionHistory {
  /// A new `revision` (and `revision-history`) for the ReplicaSet of the current template.
  public struct Update: Hashable, Sendable {
    /// The ReplicaSet.
    public var id: Int
    /// Its new `deployment.kubernetes.io/revision`.
    public var revision: Int
    /// Its new `deployment.kubernetes.io/revision-history`, oldest first.
    public var revisionHistory: [Int]

    /// Creates an update.
    public init(id: Int, revision: Int, revisionHistory: [Int]) {
      self.id = id
      self.revision = revision
      self.revisionHistory = revisionHistory
    }
  }

  /// The longest `revision-history` annotation upstream writes, in characters
  /// (`maxRevHistoryLengthInChars` in `sync.go`).
  public static let maxHistoryLengthInCharacters = 2000

  /// The revision the current template's ReplicaSet gets: the highest old revision + 1
  /// (`MaxRevision(oldRSs) + 1`; 1 when there is none).
  public static func nextRevision(oldReplicaSets: [ReplicaSetSummary]) -> Int {
    (oldReplicaSets.map(\.revision).max() ?? 0) + 1
  }

  /// The revision bump of an existing new ReplicaSet whose number is below the next revision:
  /// a template that comes back takes the next number, and its old number joins its
  /// `revision-history` (oldest entries dropped to stay within 2000 characters). Nil when its
  /// revision is already the highest.
  public static func update(
    newReplicaSet: ReplicaSetSummary, oldReplicaSets: [ReplicaSetSummary]
  ) -> Update? {
    let next = nextRevision(oldReplicaSets: oldReplicaSets)
    guard newReplicaSet.revision < next else { return nil }
    var history = newReplicaSet.revisionHistory
    // revision 0 stands for "no annotation": nothing to remember then
    if newReplicaSet.revision > 0 {
      history = appending(newReplicaSet.revision, to: history)
    }
    return Update(id: newReplicaSet.id, revision: next, revisionHistory: history)
  }

  /// `history` with `revision` appended, dropping the oldest entries while the comma-joined
  /// text would pass the limit; unchanged when even `revision` alone cannot fit.
  static func appending(_ revision: Int, to history: [Int]) -> [Int] {
    guard !history.isEmpty else { return [revision] }
    let limit = maxHistoryLengthInCharacters
    var total = history.map { String($0).count }.reduce(0, +) + history.count - 1
    total += String(revision).count + 1
    var start = 0
    while total > limit && start < history.count {
      total -= String(history[start]).count + 1
      start += 1
    }
    return total <= limit ? Array(history[start...]) + [revision] : history
  }

  /// The old ReplicaSets revision history cleanup deletes (`cleanupDeployment`).
  ///
  /// Of the old ReplicaSets not already being deleted, the `count − limit` lowest revisions
  /// (ties oldest first) are candidates, and only those with no replicas in spec or status go;
  /// a candidate that still has pods is skipped, not replaced by the next one. A nil limit
  /// keeps everything.
  public static func replicaSetsToDelete(
    oldReplicaSets: [ReplicaSetSummary], revisionHistoryLimit: Int?
  ) -> [Int] {
    guard let limit = revisionHistoryLimit else { return [] }
    let alive = oldReplicaSets.filter { !$0.isDeleting }
    let excess = alive.count - limit
    guard excess > 0 else { return [] }
    // deploymentutil.ReplicaSetsByRevision: by revision, ties by creation timestamp
    let byRevision = alive.sorted {
      $0.revision != $1.revision ? $0.revision < $1.revision : ReplicaSetSummary.olderFirst($0, $1)
    }
    return byRevision.prefix(excess).filter { $0.specReplicas == 0 && $0.replicas == 0 }.map(\.id)
  }
}
