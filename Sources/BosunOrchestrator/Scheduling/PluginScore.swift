/// One scoring plugin's verdict on a node.
public struct PluginScore: Hashable, Sendable {
  /// The plugin.
  public var plugin: SchedulingPlugin
  /// The score before normalisation (a taint count, a weight sum, a skew score, ...).
  public var raw: Int64
  /// The score after NormalizeScore, 0–100.
  public var normalized: Int64

  /// Creates a score.
  public init(plugin: SchedulingPlugin, raw: Int64, normalized: Int64) {
    self.plugin = plugin
    self.raw = raw
    self.normalized = normalized
  }

  /// The profile weight of the plugin.
  public var weight: Int64 { plugin.weight }
  /// What the plugin adds to the node's total.
  public var weighted: Int64 { normalized * plugin.weight }
}
