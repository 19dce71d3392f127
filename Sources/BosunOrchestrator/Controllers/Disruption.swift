import BosunModel

/// PodDisruptionBudget arithmetic and the eviction API's verdict, as pure functions.
///
/// Mirrors `getExpectedPodCount` and `updatePdbStatus` in
/// pkg/controller/disruption/disruption.go, and `Create` with `checkAndDecrement` in
/// pkg/registry/core/pod/storage/eviction.go.
public enum Disruption {
  /// The eviction API's answer for one pod.
  public enum EvictionVerdict: Hashable, Sendable {
    /// The pod may be deleted; `consumes` names the budget whose `disruptionsAllowed` drops
    /// by one (`nil` when no budget is spent: no budget, a pod that is not running, or an
    /// unready pod the policy lets go).
    case allowed(consumes: String?)
    /// The eviction is refused with this HTTP status.
    case rejected(code: Int, reason: String, message: String, cause: String?)
  }

  /// The message of a 429 from the eviction API.
  public static let violationMessage =
    "Cannot evict pod as it would violate the pod's disruption budget."

  /// `expectedPods` and `desiredHealthy` of the budget's status. `maxUnavailable` and a
  /// percentage `minAvailable` count against the owners' scale and round up; an integer
  /// `minAvailable` counts against the matching pods. An unparsable value gives `(0, 0)`, which
  /// allows no disruption.
  public static func expectedPodCount(_ budget: DisruptionBudgetSummary) -> (
    expected: Int, desiredHealthy: Int
  ) {
    switch budget.budget {
    case .maxUnavailable(let value):
      guard let unavailable = try? value.scaledValue(total: budget.expectedScale, roundUp: true)
      else { return (0, 0) }
      return (budget.expectedScale, max(budget.expectedScale - unavailable, 0))
    case .minAvailable(.int(let minimum)):
      return (budget.matchingPods, minimum)
    case .minAvailable(let value):
      guard let minimum = try? value.scaledValue(total: budget.expectedScale, roundUp: true)
      else { return (0, 0) }
      return (budget.expectedScale, minimum)
    case nil:
      return (0, 0)
    }
  }

  /// `status.disruptionsAllowed`: healthy pods above `desiredHealthy`, and 0 while the budget
  /// expects no pods (so a budget is safe before its first pods are counted).
  public static func allowedDisruptions(_ budget: DisruptionBudgetSummary) -> Int {
    let (expected, desired) = expectedPodCount(budget)
    let allowed = budget.healthy - desired
    return expected <= 0 || allowed <= 0 ? 0 : allowed
  }

  /// Whether the eviction API lets a pod go, given the budgets whose selectors match it.
  ///
  /// Pods that are `Pending`, finished or already being deleted skip the budgets; more than one
  /// matching budget is a 500; an unready pod passes when the policy is `AlwaysAllow`, or when
  /// the budget is met under `IfHealthyBudget`; otherwise a budget with no disruption left
  /// answers 429 `TooManyRequests`.
  public static func evictionAllowed(
    podPhase: String, podReady: Bool, podTerminating: Bool, budgets: [DisruptionBudgetSummary]
  ) -> EvictionVerdict {
    if ["Pending", "Succeeded", "Failed"].contains(podPhase) || podTerminating {
      return .allowed(consumes: nil)
    }
    guard budgets.count <= 1 else {
      return .rejected(
        code: 500, reason: "InternalError",
        message: "This pod has more than one PodDisruptionBudget, which the eviction "
          + "subresource does not support.", cause: nil)
    }
    guard let budget = budgets.first else { return .allowed(consumes: nil) }
    let desired = expectedPodCount(budget).desiredHealthy
    if !podReady {
      if budget.unhealthyPodEvictionPolicy == .alwaysAllow
        || (budget.healthy >= desired && desired > 0)
      {
        return .allowed(consumes: nil)
      }
    }
    guard allowedDisruptions(budget) > 0 else {
      return .rejected(
        code: 429, reason: "TooManyRequests", message: violationMessage,
        cause: "The disruption budget \(budget.name) needs \(desired) healthy pods and has "
          + "\(budget.healthy) currently")
    }
    return .allowed(consumes: budget.name)
  }
}
