public import BosunCore
public import BosunYAML

/// A pod's `spec`, wherever it sits: a Pod's `/spec` or a workload's
/// `/spec/template/spec`.
public struct PodSpec: Equatable, Sendable {
  /// `containers`.
  public var containers: [Container]
  /// `initContainers`.
  public var initContainers: [Container]
  /// `ephemeralContainers`.
  public var ephemeralContainers: [Container]
  /// `volumes`.
  public var volumes: [Volume]
  /// `serviceAccountName`, or the deprecated `serviceAccount` when only that is set.
  public var serviceAccountName: String?
  /// `automountServiceAccountToken`.
  public var automountServiceAccountToken: Bool?
  /// `nodeSelector`.
  public var nodeSelector: [String: String]
  /// `nodeName`.
  public var nodeName: String?
  /// `affinity`, unparsed.
  public var affinity: Node?
  /// `tolerations`.
  public var tolerations: [Toleration]
  /// `topologySpreadConstraints`, unparsed.
  public var topologySpreadConstraints: [Node]
  /// `hostNetwork`.
  public var hostNetwork: Bool?
  /// `hostPID`.
  public var hostPID: Bool?
  /// `hostIPC`.
  public var hostIPC: Bool?
  /// `securityContext`.
  public var securityContext: SecurityContext?
  /// `restartPolicy` (`Always`, `OnFailure`, `Never`).
  public var restartPolicy: String?
  /// `terminationGracePeriodSeconds`.
  public var terminationGracePeriodSeconds: Int?
  /// `activeDeadlineSeconds`.
  public var activeDeadlineSeconds: Int?
  /// `priorityClassName`.
  public var priorityClassName: String?
  /// `schedulerName`.
  public var schedulerName: String?
  /// `imagePullSecrets[].name`.
  public var imagePullSecrets: [String]
  /// Where the spec is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    containers = fields.objects("containers") { Container($0, role: .regular) }
    initContainers = fields.objects("initContainers") { Container($0, role: .initContainer) }
    ephemeralContainers = fields.objects("ephemeralContainers") {
      Container($0, role: .ephemeral)
    }
    volumes = fields.objects("volumes", Volume.init)
    serviceAccountName = fields.string("serviceAccountName") ?? fields.string("serviceAccount")
    automountServiceAccountToken = fields.bool("automountServiceAccountToken")
    nodeSelector = fields.stringMap("nodeSelector")
    nodeName = fields.string("nodeName")
    affinity = fields.object("affinity").node
    tolerations = fields.objects("tolerations", Toleration.init)
    topologySpreadConstraints = fields.items("topologySpreadConstraints").map(\.node)
    hostNetwork = fields.bool("hostNetwork")
    hostPID = fields.bool("hostPID")
    hostIPC = fields.bool("hostIPC")
    let security = fields.object("securityContext")
    securityContext = security.exists ? SecurityContext(security) : nil
    restartPolicy = fields.string("restartPolicy")
    terminationGracePeriodSeconds = fields.int("terminationGracePeriodSeconds", bits: 64)
    activeDeadlineSeconds = fields.int("activeDeadlineSeconds", bits: 64)
    priorityClassName = fields.string("priorityClassName")
    schedulerName = fields.string("schedulerName")
    imagePullSecrets = fields.objects("imagePullSecrets").compactMap { $0.string("name") }
    pointer = fields.pointer
  }

  /// Every container: init containers first, then regular, then ephemeral, which is the
  /// order most per-container rules report in.
  public var allContainers: [Container] { initContainers + containers + ephemeralContainers }
}
