public import BosunModel

/// What the disruption controller and the eviction API need of a PodDisruptionBudget: its
/// rule and the counts of the pods it covers.
public struct DisruptionBudgetSummary: Hashable, Sendable {
  /// The budget's rule; `maxUnavailable` wins when both are set, as upstream checks it first.
  public enum Budget: Hashable, Sendable {
    /// `spec.minAvailable`.
    case minAvailable(IntOrString)
    /// `spec.maxUnavailable`.
    case maxUnavailable(IntOrString)
  }

  /// `spec.unhealthyPodEvictionPolicy`.
  public enum UnhealthyPodEvictionPolicy: String, Hashable, Sendable {
    /// Unready pods may be evicted only while the budget is met (the default).
    case ifHealthyBudget = "IfHealthyBudget"
    /// Unready pods may always be evicted.
    case alwaysAllow = "AlwaysAllow"
  }

  /// `metadata.name`, for the rejection's cause.
  public var name: String
  /// The rule; `nil` when neither field is set.
  public var budget: Budget?
  /// The pods the selector matches (what an integer `minAvailable` counts against).
  public var matchingPods: Int
  /// The sum of `replicas` of the controllers owning those pods (`getExpectedScale`).
  public var expectedScale: Int
  /// Matching pods that are Ready and not being deleted or already evicted (`countHealthyPods`).
  public var healthy: Int
  /// `spec.unhealthyPodEvictionPolicy`.
  public var unhealthyPodEvictionPolicy: UnhealthyPodEvictionPolicy

  /// Creates a summary directly (tests, generated budgets).
  public init(
    name: String, budget: Budget?, matchingPods: Int, expectedScale: Int, healthy: Int,
    unhealthyPodEvictionPolicy: UnhealthyPodEvictionPolicy = .ifHealthyBudget
  ) {
    self.name = name
    self.budget = budget
    self.matchingPods = matchingPods
    self.expectedScale = expectedScale
    self.healthy = healthy
    self.unhealthyPodEvictionPolicy = unhealthyPodEvictionPolicy
  }

  /// Reads a PodDisruptionBudget; the counts come from the engine's pods and controllers.
  public init(
    _ pdb: PodDisruptionBudget, matchingPods: Int, expectedScale: Int, healthy: Int
  ) {
    let budget: Budget? =
      pdb.maxUnavailable.map(Budget.maxUnavailable) ?? pdb.minAvailable.map(Budget.minAvailable)
    self.init(
      name: pdb.metadata.name ?? "", budget: budget, matchingPods: matchingPods,
      expectedScale: expectedScale, healthy: healthy,
      unhealthyPodEvictionPolicy: pdb.unhealthyPodEvictionPolicy == "AlwaysAllow"
        ? .alwaysAllow : .ifHealthyBudget)
  }
}
