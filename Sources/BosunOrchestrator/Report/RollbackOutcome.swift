public import BosunCore

/// How to return the cluster to the snapshot after the plan, rehearsed like the plan itself.
public struct RollbackOutcome: Sendable, Equatable {
  /// One undo action.
  public struct Step: Sendable, Equatable {
    /// What to do to the object.
    public enum Action: Sendable, Equatable {
      /// `kubectl rollout undo --to-revision=N` for a workload whose template changed.
      case rolloutUndo(toRevision: Int)
      /// Delete an object the plan created.
      case delete
      /// Create again, from the snapshot, an object the plan deleted or replaced.
      case recreateFromSnapshot
    }

    /// The object.
    public var object: ObjectReference
    /// What to do to it.
    public var action: Action

    /// Creates a step.
    public init(object: ObjectReference, action: Action) {
      self.object = object
      self.action = action
    }

    /// The kubectl command that does it, for a person to copy.
    public var command: String {
      let resource = "\(object.kind.lowercased())/\(object.name)"
      let namespace = object.namespace.map { " -n \($0)" } ?? ""
      switch action {
      case .rolloutUndo(let revision):
        return "kubectl rollout undo \(resource)\(namespace) --to-revision=\(revision)"
      case .delete:
        return "kubectl delete \(resource)\(namespace)"
      case .recreateFromSnapshot:
        return "kubectl apply -f - # \(object) as recorded in the snapshot"
      }
    }
  }

  /// The undo actions, in the order they run.
  public var steps: [Step]
  /// Seconds the rehearsed rollback took until every workload was available again, or until
  /// the horizon.
  public var duration: Double
  /// How the rehearsed rollback ended.
  public var verdict: SimulationReport.Verdict

  /// Creates a rollback outcome.
  public init(steps: [Step], duration: Double, verdict: SimulationReport.Verdict) {
    self.steps = steps
    self.duration = duration
    self.verdict = verdict
  }
}
