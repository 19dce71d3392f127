/// A host port a pod asks for (`containers[].ports[].hostPort`).
///
/// Mirrors `HostPortInfo.CheckConflict` (pkg/scheduler/framework/types.go): two ports clash
/// when protocol and port are equal and either address is the wildcard or both are the same.
public struct HostPort: Hashable, Sendable {
  /// The port number.
  public var port: Int
  /// `TCP` (default), `UDP` or `SCTP`.
  public var `protocol`: String
  /// The host address; `0.0.0.0` (all addresses) unless set.
  public var hostIP: String

  /// The wildcard address.
  public static let anyAddress = "0.0.0.0"

  /// Creates a port; an empty protocol or address takes the default.
  public init(port: Int, protocol: String = "TCP", hostIP: String = HostPort.anyAddress) {
    self.port = port
    self.protocol = `protocol`.isEmpty ? "TCP" : `protocol`
    self.hostIP = hostIP.isEmpty ? HostPort.anyAddress : hostIP
  }

  /// Whether the two cannot both be bound on one node.
  public func conflicts(with other: HostPort) -> Bool {
    guard port == other.port, self.protocol == other.protocol else { return false }
    return hostIP == HostPort.anyAddress || other.hostIP == HostPort.anyAddress
      || hostIP == other.hostIP
  }
}
