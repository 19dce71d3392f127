public import BosunCore
public import BosunYAML

/// A `networking.k8s.io/v1` Ingress; the older `extensions/v1beta1` and
/// `networking.k8s.io/v1beta1` backend shape (`serviceName`, `servicePort`) is read too.
public struct Ingress: Equatable, Sendable {
  /// Where a path sends traffic: a Service port, or another resource.
  public struct Backend: Hashable, Sendable {
    /// `service.name` (or `serviceName`).
    public var serviceName: String?
    /// `service.port.number` or `service.port.name` (or `servicePort`).
    public var servicePort: IntOrString?
    /// `resource.kind`, for a resource backend.
    public var resourceKind: String?
    /// `resource.name`, for a resource backend.
    public var resourceName: String?
    /// Where the backend is.
    public var pointer: JSONPointer
  }

  /// An entry of a rule's `http.paths`.
  public struct Path: Hashable, Sendable {
    /// `path`.
    public var path: String?
    /// `pathType`: `Exact`, `Prefix` or `ImplementationSpecific`.
    public var pathType: String?
    /// `backend`.
    public var backend: Backend
    /// Where the path is.
    public var pointer: JSONPointer
  }

  /// An entry of `spec.rules`.
  public struct Rule: Hashable, Sendable {
    /// `host`.
    public var host: String?
    /// `http.paths`.
    public var paths: [Path]
    /// Where the rule is.
    public var pointer: JSONPointer
  }

  /// An entry of `spec.tls`.
  public struct TLS: Hashable, Sendable {
    /// `hosts`.
    public var hosts: [String]
    /// `secretName`.
    public var secretName: String?
    /// Where the entry is.
    public var pointer: JSONPointer
  }

  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.ingressClassName`.
  public var ingressClassName: String?
  /// `spec.defaultBackend` (or `spec.backend` in older versions).
  public var defaultBackend: Backend?
  /// `spec.rules`.
  public var rules: [Rule]
  /// `spec.tls`.
  public var tls: [TLS]
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    ingressClassName = spec.string("ingressClassName")
    let fallback = spec.object(spec.raw("defaultBackend") != nil ? "defaultBackend" : "backend")
    defaultBackend = fallback.exists ? Self.backend(fallback) : nil
    rules = spec.objects("rules") { rule in
      Rule(
        host: rule.string("host"),
        paths: rule.object("http").objects("paths") { path in
          Path(
            path: path.string("path"), pathType: path.string("pathType"),
            backend: Self.backend(path.object("backend")), pointer: path.pointer)
        }, pointer: rule.pointer)
    }
    tls = spec.objects("tls") {
      TLS(hosts: $0.strings("hosts"), secretName: $0.string("secretName"), pointer: $0.pointer)
    }
    pointer = fields.pointer
  }

  private static func backend(_ fields: FieldReader) -> Backend {
    let service = fields.object("service")
    let resource = fields.object("resource")
    let port = service.object("port")
    let servicePort: IntOrString? =
      port.int("number").map { .int($0) } ?? port.string("name").map { .string($0) }
    return Backend(
      serviceName: service.string("name") ?? fields.string("serviceName"),
      servicePort: servicePort ?? fields.intOrString("servicePort"),
      resourceKind: resource.string("kind"), resourceName: resource.string("name"),
      pointer: fields.pointer)
  }

  /// Every backend: the default one, then each path's, in order.
  public var backends: [Backend] {
    (defaultBackend.map { [$0] } ?? []) + rules.flatMap { $0.paths.map(\.backend) }
  }

  /// Reads an Ingress, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    Ingress, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, Ingress.init)
  }
}
