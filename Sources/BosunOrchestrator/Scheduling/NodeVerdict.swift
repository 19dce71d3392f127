/// What the scheduler thought of one node, for `--explain POD`.
public struct NodeVerdict: Sendable {
  /// The node's name.
  public var nodeName: String
  /// Every filter that rejects the node, in profile order. kube-scheduler stops at the first,
  /// and only that one is counted in the FitError message.
  public var failures: [FilterFailure]
  /// Per-plugin scores, when the node passed every filter.
  public var scores: [PluginScore]
  /// The weighted total, when the node passed every filter.
  public var totalScore: Int64?

  /// Creates a verdict.
  public init(
    nodeName: String, failures: [FilterFailure], scores: [PluginScore], totalScore: Int64?
  ) {
    self.nodeName = nodeName
    self.failures = failures
    self.scores = scores
    self.totalScore = totalScore
  }

  /// Whether the node passed every filter.
  public var isFeasible: Bool { failures.isEmpty }
}
