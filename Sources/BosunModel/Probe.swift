public import BosunCore

/// A liveness, readiness or startup probe.
public struct Probe: Hashable, Sendable {
  /// How the probe checks the container.
  public enum Action: Hashable, Sendable {
    /// `httpGet`: path, port (number or name) and scheme.
    case httpGet(path: String?, port: IntOrString?, scheme: String?)
    /// `tcpSocket`: port.
    case tcpSocket(port: IntOrString?)
    /// `exec`: command.
    case exec(command: [String])
    /// `grpc`: port and service.
    case grpc(port: Int?, service: String?)
    /// None of the above is set.
    case none
  }

  /// The check.
  public var action: Action
  /// `initialDelaySeconds` (default 0).
  public var initialDelaySeconds: Int?
  /// `periodSeconds` (default 10).
  public var periodSeconds: Int?
  /// `timeoutSeconds` (default 1).
  public var timeoutSeconds: Int?
  /// `successThreshold` (default 1).
  public var successThreshold: Int?
  /// `failureThreshold` (default 3).
  public var failureThreshold: Int?
  /// `terminationGracePeriodSeconds`.
  public var terminationGracePeriodSeconds: Int?
  /// Where the probe is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    let http = fields.object("httpGet")
    let tcp = fields.object("tcpSocket")
    let exec = fields.object("exec")
    let grpc = fields.object("grpc")
    if http.exists {
      action = .httpGet(
        path: http.string("path"), port: http.intOrString("port"), scheme: http.string("scheme"))
    } else if tcp.exists {
      action = .tcpSocket(port: tcp.intOrString("port"))
    } else if exec.exists {
      action = .exec(command: exec.strings("command"))
    } else if grpc.exists {
      action = .grpc(port: grpc.int("port"), service: grpc.string("service"))
    } else {
      action = .none
    }
    initialDelaySeconds = fields.int("initialDelaySeconds")
    periodSeconds = fields.int("periodSeconds")
    timeoutSeconds = fields.int("timeoutSeconds")
    successThreshold = fields.int("successThreshold")
    failureThreshold = fields.int("failureThreshold")
    terminationGracePeriodSeconds = fields.int("terminationGracePeriodSeconds", bits: 64)
    pointer = fields.pointer
  }
}
