import BosunCore
import BosunModel
import BosunYAML

/// The pod and container security contexts of an object, and how container values override
/// pod values (core/v1: a container's securityContext field wins when set).
struct SecurityContexts {
  /// The pod spec.
  var spec: Located
  /// The containers, in the order containers, init containers, ephemeral containers.
  var containers: [PodSpecs.Container]

  /// The security contexts of a pod-spec bearing object.
  init?(
    _ object: Resource, kinds: Set<PodSpecs.ContainerKind> = Set(PodSpecs.ContainerKind.allCases)
  ) {
    guard let (node, pointer) = PodSpecs.podSpec(of: object) else { return nil }
    spec = Located(node: node, pointer: pointer)
    containers = PodSpecs.containers(of: object, kinds: kinds)
  }

  /// The pod-level `securityContext`, if present.
  var pod: Located? { spec["securityContext"] }

  /// The container-level field at `path` under `securityContext`, if present.
  static func field(_ container: PodSpecs.Container, _ path: String...) -> Located? {
    var current = container.located["securityContext"]
    for key in path { current = current?[key] }
    return current
  }

  /// The pod-level field at `path` under `securityContext`, if present.
  func podField(_ path: String...) -> Located? {
    var current = pod
    for key in path { current = current?[key] }
    return current
  }

  /// Where to report a missing container-level setting: its securityContext, or the container.
  static func missing(_ container: PodSpecs.Container) -> JSONPointer {
    container.located.deepest("securityContext").pointer
  }
}
