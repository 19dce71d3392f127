public import BosunCore

/// One container of a pod: regular, init or ephemeral.
public struct Container: Hashable, Sendable {
  /// Which list the container is in.
  public enum Role: String, Hashable, Sendable {
    /// `containers`.
    case regular = "containers"
    /// `initContainers` (a sidecar when its `restartPolicy` is `Always`).
    case initContainer = "initContainers"
    /// `ephemeralContainers`.
    case ephemeral = "ephemeralContainers"
  }

  /// An entry of `ports`.
  public struct Port: Hashable, Sendable {
    /// `name`.
    public var name: String?
    /// `containerPort`.
    public var containerPort: Int?
    /// `protocol` (default TCP).
    public var `protocol`: String?
    /// `hostPort`.
    public var hostPort: Int?
    /// Where the port is.
    public var pointer: JSONPointer
  }

  /// An entry of `env`.
  public struct EnvVar: Hashable, Sendable {
    /// `name`.
    public var name: String?
    /// `value`.
    public var value: String?
    /// `valueFrom.configMapKeyRef` or `valueFrom.secretKeyRef`, when set.
    public var keyReference: KeyReference?
    /// `valueFrom.fieldRef.fieldPath`, when set.
    public var fieldPath: String?
    /// `valueFrom.resourceFieldRef.resource`, when set.
    public var resourceFieldResource: String?
    /// Where the variable is.
    public var pointer: JSONPointer
  }

  /// A reference to one key of a ConfigMap or Secret.
  public struct KeyReference: Hashable, Sendable {
    /// `configMapKeyRef` or `secretKeyRef`.
    public var isSecret: Bool
    /// The ConfigMap or Secret name.
    public var name: String?
    /// The key.
    public var key: String?
    /// `optional`.
    public var optional: Bool?
  }

  /// An entry of `envFrom`.
  public struct EnvFromSource: Hashable, Sendable {
    /// `prefix`.
    public var prefix: String?
    /// `configMapRef.name`, when set.
    public var configMapName: String?
    /// `secretRef.name`, when set.
    public var secretName: String?
    /// `optional` of whichever reference is set.
    public var optional: Bool?
    /// Where the entry is.
    public var pointer: JSONPointer
  }

  /// An entry of `volumeMounts`.
  public struct VolumeMount: Hashable, Sendable {
    /// `name` of the pod volume.
    public var name: String?
    /// `mountPath`.
    public var mountPath: String?
    /// `subPath`.
    public var subPath: String?
    /// `readOnly`.
    public var readOnly: Bool?
    /// Where the mount is.
    public var pointer: JSONPointer
  }

  /// Which list the container is in.
  public var role: Role
  /// `name`.
  public var name: String?
  /// `image`.
  public var image: String?
  /// `imagePullPolicy`.
  public var imagePullPolicy: String?
  /// `command`.
  public var command: [String]
  /// `args`.
  public var args: [String]
  /// `workingDir`.
  public var workingDir: String?
  /// `ports`.
  public var ports: [Port]
  /// `env`.
  public var env: [EnvVar]
  /// `envFrom`.
  public var envFrom: [EnvFromSource]
  /// `resources`.
  public var resources: ResourceRequirements
  /// `volumeMounts`.
  public var volumeMounts: [VolumeMount]
  /// `livenessProbe`.
  public var livenessProbe: Probe?
  /// `readinessProbe`.
  public var readinessProbe: Probe?
  /// `startupProbe`.
  public var startupProbe: Probe?
  /// `securityContext`.
  public var securityContext: SecurityContext?
  /// `restartPolicy` (init containers only: `Always` makes a sidecar).
  public var restartPolicy: String?
  /// Where the container is (`/spec/template/spec/containers/2`).
  public var pointer: JSONPointer

  /// Whether this is an init container that keeps running beside the others.
  public var isSidecar: Bool { role == .initContainer && restartPolicy == "Always" }

  init(_ fields: FieldReader, role: Role) {
    self.role = role
    name = fields.string("name")
    image = fields.string("image")
    imagePullPolicy = fields.string("imagePullPolicy")
    command = fields.strings("command")
    args = fields.strings("args")
    workingDir = fields.string("workingDir")
    ports = fields.objects("ports") {
      Port(
        name: $0.string("name"), containerPort: $0.int("containerPort"),
        protocol: $0.string("protocol"), hostPort: $0.int("hostPort"), pointer: $0.pointer)
    }
    env = fields.objects("env", Self.envVar)
    envFrom = fields.objects("envFrom") { entry in
      let configMap = entry.object("configMapRef")
      let secret = entry.object("secretRef")
      return EnvFromSource(
        prefix: entry.string("prefix"), configMapName: configMap.string("name"),
        secretName: secret.string("name"),
        optional: configMap.bool("optional") ?? secret.bool("optional"), pointer: entry.pointer)
    }
    resources = ResourceRequirements(fields.object("resources"))
    volumeMounts = fields.objects("volumeMounts") {
      VolumeMount(
        name: $0.string("name"), mountPath: $0.string("mountPath"), subPath: $0.string("subPath"),
        readOnly: $0.bool("readOnly"), pointer: $0.pointer)
    }
    livenessProbe = Self.probe(fields.object("livenessProbe"))
    readinessProbe = Self.probe(fields.object("readinessProbe"))
    startupProbe = Self.probe(fields.object("startupProbe"))
    let security = fields.object("securityContext")
    securityContext = security.exists ? SecurityContext(security) : nil
    restartPolicy = fields.string("restartPolicy")
    pointer = fields.pointer
  }

  private static func probe(_ fields: FieldReader) -> Probe? {
    fields.exists ? Probe(fields) : nil
  }

  private static func envVar(_ fields: FieldReader) -> EnvVar {
    let source = fields.object("valueFrom")
    let configMap = source.object("configMapKeyRef")
    let secret = source.object("secretKeyRef")
    let reference = [configMap, secret].first(where: \.exists).map { ref in
      KeyReference(
        isSecret: ref.pointer == secret.pointer, name: ref.string("name"), key: ref.string("key"),
        optional: ref.bool("optional"))
    }
    return EnvVar(
      name: fields.string("name"), value: fields.string("value"), keyReference: reference,
      fieldPath: source.object("fieldRef").string("fieldPath"),
      resourceFieldResource: source.object("resourceFieldRef").string("resource"),
      pointer: fields.pointer)
  }
}
