/// How NodeResourcesFit scores a node (`scoringStrategy.type` in NodeResourcesFitArgs).
public enum ScoringStrategy: String, Sendable, Equatable, CaseIterable {
  /// Prefer the emptiest node (the default): `(allocatable − requested) × 100 / allocatable`.
  case leastAllocated = "LeastAllocated"
  /// Prefer the fullest node (bin packing): `requested × 100 / allocatable`.
  case mostAllocated = "MostAllocated"
}
