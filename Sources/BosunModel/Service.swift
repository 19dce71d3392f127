public import BosunCore
public import BosunYAML

/// A `v1` Service.
public struct Service: Equatable, Sendable {
  /// An entry of `spec.ports`.
  public struct Port: Hashable, Sendable {
    /// `name`.
    public var name: String?
    /// `protocol` (default TCP).
    public var `protocol`: String?
    /// `port`.
    public var port: Int?
    /// `targetPort`: a number, or the name of a container port (defaults to `port`).
    public var targetPort: IntOrString?
    /// `nodePort`.
    public var nodePort: Int?
    /// `appProtocol`.
    public var appProtocol: String?
    /// Where the port is.
    public var pointer: JSONPointer
  }

  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.type`: `ClusterIP` (default), `NodePort`, `LoadBalancer` or `ExternalName`.
  public var type: String?
  /// `spec.ports`.
  public var ports: [Port]
  /// `spec.selector`; nil when absent (endpoints are managed by hand). Match pods with
  /// `LabelSelector.mapSelectorMatches`.
  public var selector: [String: String]?
  /// Where `spec.selector` is, present or not.
  public var selectorPointer: JSONPointer
  /// `spec.clusterIP` (`None` for a headless Service).
  public var clusterIP: String?
  /// `spec.clusterIPs`.
  public var clusterIPs: [String]
  /// `spec.externalName`.
  public var externalName: String?
  /// `spec.sessionAffinity`.
  public var sessionAffinity: String?
  /// `spec.externalTrafficPolicy`.
  public var externalTrafficPolicy: String?
  /// `spec.internalTrafficPolicy`.
  public var internalTrafficPolicy: String?
  /// `spec.publishNotReadyAddresses`.
  public var publishNotReadyAddresses: Bool?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    type = spec.string("type")
    ports = spec.objects("ports") {
      Port(
        name: $0.string("name"), protocol: $0.string("protocol"), port: $0.int("port"),
        targetPort: $0.intOrString("targetPort"), nodePort: $0.int("nodePort"),
        appProtocol: $0.string("appProtocol"), pointer: $0.pointer)
    }
    selector = spec.raw("selector") == nil ? nil : spec.stringMap("selector")
    selectorPointer = spec.pointer("selector")
    clusterIP = spec.string("clusterIP")
    clusterIPs = spec.strings("clusterIPs")
    externalName = spec.string("externalName")
    sessionAffinity = spec.string("sessionAffinity")
    externalTrafficPolicy = spec.string("externalTrafficPolicy")
    internalTrafficPolicy = spec.string("internalTrafficPolicy")
    publishNotReadyAddresses = spec.bool("publishNotReadyAddresses")
    pointer = fields.pointer
  }

  /// Whether the Service is headless (`clusterIP: None`).
  public var isHeadless: Bool { clusterIP == "None" }

  /// Reads a Service, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    Service, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, Service.init)
  }
}
