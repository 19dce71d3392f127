/// Why one filter plugin rejected a node, worded as upstream's status reasons.
public struct FilterFailure: Hashable, Sendable {
  /// The plugin that rejected the node.
  public var plugin: SchedulingPlugin
  /// The reasons, exactly as kube-scheduler words them (`Insufficient cpu`); each is counted
  /// in the FitError message.
  public var reasons: [String]
  /// Whether upstream marks the status UnschedulableAndUnresolvable (preemption cannot help).
  public var unresolvable: Bool
  /// Extra detail upstream keeps out of the message, such as the untolerated taint.
  public var detail: String?

  /// Creates a failure.
  public init(
    plugin: SchedulingPlugin, reasons: [String], unresolvable: Bool, detail: String? = nil
  ) {
    self.plugin = plugin
    self.reasons = reasons
    self.unresolvable = unresolvable
    self.detail = detail
  }
}
