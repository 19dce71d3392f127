/// Bounds that turn hostile or absurd input into a clear error instead of a hang or a crash.
public struct YAMLLimits: Sendable, Equatable {
  /// Deepest nesting of sequences and mappings (libyaml 0.2.5 has no limit of its own).
  public var maxDepth: Int
  /// Nodes that aliases may add to one document once expanded ("billion laughs").
  public var maxAliasExpansion: Int
  /// Nodes one document may hold, not counting alias expansion.
  public var maxDocumentNodes: Int
  /// Bytes one input may hold.
  public var maxInputBytes: Int

  /// Creates limits.
  public init(
    maxDepth: Int = 1000, maxAliasExpansion: Int = 1_000_000,
    maxDocumentNodes: Int = 5_000_000, maxInputBytes: Int = 256 << 20
  ) {
    self.maxDepth = maxDepth
    self.maxAliasExpansion = maxAliasExpansion
    self.maxDocumentNodes = maxDocumentNodes
    self.maxInputBytes = maxInputBytes
  }

  /// The defaults.
  public static let standard = YAMLLimits()

  /// Limits for a cluster recording: `kubectl get pods -A -o yaml` of a large cluster is one
  /// `kind: List` document of tens of millions of nodes, so the node and size limits are ten
  /// and four times the standard ones; depth and alias limits stay.
  public static let recording = YAMLLimits(
    maxDocumentNodes: 50_000_000, maxInputBytes: 1 << 30)
}
