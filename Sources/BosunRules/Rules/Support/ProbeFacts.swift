import BosunCore
import BosunModel
import BosunYAML

/// Probe fields and the defaults the API server applies (core/v1 `SetDefaults_Probe`).
enum ProbeFacts {
  /// The three probes of a container.
  static let kinds = ["livenessProbe", "readinessProbe", "startupProbe"]
  /// The handler fields of a probe; exactly one must be set.
  static let handlers = ["exec", "httpGet", "tcpSocket", "grpc"]
  /// Kinds whose containers serve long enough to need probes (not run-to-completion Jobs).
  static let servingKinds: Set<String> = [
    "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController",
    "PodTemplate",
  ]

  /// A timing field with its upstream default.
  static func seconds(_ probe: Node, _ field: String) -> Int64 {
    if let value = probe[field]?.intValue { return value }
    switch field {
    case "timeoutSeconds", "successThreshold": return 1
    case "periodSeconds": return 10
    case "failureThreshold": return 3
    default: return 0
    }
  }

  /// How long after start liveness can first kill a container that never answers:
  /// `initialDelaySeconds + failureThreshold × periodSeconds`.
  static func killWindow(_ probe: Node) -> Int64 {
    seconds(probe, "initialDelaySeconds") + seconds(probe, "failureThreshold")
      * seconds(probe, "periodSeconds")
  }

  /// The containers probes apply to: regular containers of serving kinds.
  static func containers(of object: Resource) -> [PodSpecs.Container] {
    guard servingKinds.contains(object.identity.kind) else { return [] }
    return PodSpecs.containers(of: object, kinds: [.container])
  }

  /// Serving containers (those that declare ports) without the given probe.
  static func servingContainers(of object: Resource, without probe: String)
    -> [PodSpecs.Container]
  {
    containers(of: object).filter {
      $0.node["ports"]?.items?.isEmpty == false && $0.node[probe] == nil
    }
  }
}
