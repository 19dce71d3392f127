/// `kubectl rollout undo deployment [--to-revision=N]`: which ReplicaSet's template to restore.
///
/// Mirrors `staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go`
/// (`DeploymentRollbacker.Rollback`, `deploymentRevision`). The restore itself is an ordinary
/// template change, so the rollout that follows is computed by ``DeploymentSync``.
public enum DeploymentRollback {
  /// Why `rollout undo` refuses.
  public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// `--to-revision` names no ReplicaSet (or is negative).
    case revisionNotFound(Int)
    /// `--to-revision=0` and there is no earlier revision.
    case noRolloutHistory(deployment: String)
    /// The Deployment is paused.
    case paused(deployment: String)

    /// kubectl's wording.
    public var description: String {
      switch self {
      case .revisionNotFound(let revision):
        "unable to find specified revision \(revision) in history"
      case .noRolloutHistory(let name):
        "no rollout history found for deployment \"\(name)\""
      case .paused(let name):
        "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume "
          + "deployment/\(name)' and try again"
      }
    }
  }

  /// What `rollout undo` would do.
  public enum Outcome: Hashable, Sendable {
    /// Restore this ReplicaSet's template (and its annotations) into the Deployment.
    case rollBack(to: ReplicaSetSummary)
    /// The template already is that revision's: kubectl prints
    /// `skipped rollback (current template already matches revision N)` and changes nothing.
    case skipped(revision: Int)
  }

  /// The ReplicaSet `toRevision` names: 0 means the previous revision, the second highest.
  public static func target(
    toRevision: Int, replicaSets: [ReplicaSetSummary]
  ) throws(Failure) -> ReplicaSetSummary? {
    if toRevision < 0 { throw .revisionNotFound(toRevision) }
    if toRevision > 0 {
      guard let rs = replicaSets.first(where: { $0.revision == toRevision }) else {
        throw .revisionNotFound(toRevision)
      }
      return rs
    }
    var latest: ReplicaSetSummary?
    var previous: ReplicaSetSummary?
    for rs in replicaSets {
      if rs.revision > latest?.revision ?? -1 {
        previous = latest
        latest = rs
      } else if rs.revision > previous?.revision ?? -1 {
        previous = rs
      }
    }
    return previous
  }

  /// `rollout undo` on a Deployment named `deployment`: the ReplicaSet to restore, or the skip
  /// when the current template (the `isNew` ReplicaSet) already is that revision.
  public static func undo(
    deployment: String, paused: Bool, toRevision: Int = 0, replicaSets: [ReplicaSetSummary]
  ) throws(Failure) -> Outcome {
    guard let rs = try target(toRevision: toRevision, replicaSets: replicaSets) else {
      throw .noRolloutHistory(deployment: deployment)
    }
    if paused { throw .paused(deployment: deployment) }
    // kubectl reports the revision as it was asked for, so 0 for a plain `rollout undo`
    return rs.isNew ? .skipped(revision: toRevision) : .rollBack(to: rs)
  }
}
