import BosunCore
import BosunPlan

/// Carries out a plan's steps on the simulated cluster in dependency order, waiting, as
/// kapp's done-checks do, for each step's object to be ready before the steps that depend on
/// it start: a rollout complete, a Job finished, a deletion gone.
///
/// A class: the simulation calls it back while it runs, and it keeps the steps' progress.
final class PlanExecutor {
  enum Status {
    case waiting
    case running(since: Double)
    case done(since: Double, at: Double)
    case failed(since: Double, at: Double, reason: String)
  }

  let plan: RehearsalPlan
  private(set) var statuses: [Status]
  private(set) var waitedFor: [String?]
  var stopped = false

  init(plan: RehearsalPlan) {
    self.plan = plan
    statuses = Array(repeating: .waiting, count: plan.steps.count)
    waitedFor = Array(repeating: nil, count: plan.steps.count)
  }

  /// Whether every step has finished, one way or another, or can never start.
  var isFinished: Bool {
    let blocked = blockers()
    return plan.steps.indices.allSatisfy { index in
      switch statuses[index] {
      case .done, .failed: true
      case .running: false
      case .waiting: blocked[index] != nil
      }
    }
  }

  /// For each step, the first failed step it depends on, directly or not. One pass: steps
  /// depend only on earlier ones.
  func blockers() -> [Int?] {
    var blocked: [Int?] = Array(repeating: nil, count: plan.steps.count)
    for (index, step) in plan.steps.enumerated() {
      for dependency in step.dependsOn where dependency < index {
        if case .failed = statuses[dependency] {
          blocked[index] = dependency
          break
        }
        if let deeper = blocked[dependency] {
          blocked[index] = deeper
          break
        }
      }
    }
    return blocked
  }

  /// The first failed step that `index` depends on, directly or not.
  func blockedBy(_ index: Int) -> Int? { blockers()[index] }

  /// Starts runnable steps and checks running ones; called whenever the cluster settles.
  func advance(_ simulation: Simulation) {
    guard !stopped else { return }
    var progressed = true
    while progressed {
      progressed = false
      for (index, step) in plan.steps.enumerated() {
        switch statuses[index] {
        case .waiting:
          let ready = step.dependsOn.allSatisfy {
            guard $0 < index, case .done = statuses[$0] else { return false }
            return true
          }
          guard ready else { continue }
          start(step, simulation)
          statuses[index] = .running(since: simulation.now)
          progressed = true
        case .running(let since):
          let check = simulation.doneCheck(for: step)
          if check.done || check.failure != nil {
            waitedFor[index] = simulation.doneCheck(for: step, describing: true).waitingFor
          }
          if let failure = check.failure {
            statuses[index] = .failed(since: since, at: simulation.now, reason: failure)
            progressed = true
          } else if check.done {
            statuses[index] = .done(since: since, at: simulation.now)
            progressed = true
          }
        case .done, .failed:
          continue
        }
      }
    }
  }

  private func start(_ step: RehearsalPlan.Step, _ simulation: Simulation) {
    if step.operation == "delete" {
      simulation.delete(identity: step.identity)
    } else if let manifest = step.manifest {
      let templateChanged: Bool? =
        step.operation == "update"
        ? step.changedPointers.contains { $0.hasPrefix("/spec/template") } : nil
      simulation.apply(
        manifest: manifest, identity: step.identity, templateChanged: templateChanged)
    }
  }
}

extension PlanExecutor {
  /// Starts nothing more: steps still waiting stay waiting (the rollback takes over).
  func stop() { stopped = true }
}
