import BosunCore
import BosunModel
import BosunYAML

/// The `resources` of a container, read as quantities.
struct ContainerResources {
  /// The container.
  var container: PodSpecs.Container

  /// Containers whose resources matter: regular and init containers (ephemeral containers
  /// may not set resources).
  static func of(_ object: Resource) -> [ContainerResources] {
    PodSpecs.containers(of: object, kinds: [.container, .initContainer]).map {
      ContainerResources(container: $0)
    }
  }

  /// The container's `resources` (or the container itself when absent).
  var root: Located { container.located }

  /// The quantity node under `requests` or `limits`, with its pointer.
  func entry(_ section: String, _ resource: String) -> Located? {
    root["resources"]?[section]?[resource]
  }

  /// The parsed quantity, or nil when absent or not a quantity (the schema reports that).
  func quantity(_ section: String, _ resource: String) -> Quantity? {
    guard let text = entry(section, resource)?.node.text else { return nil }
    return try? Quantity(parsing: text)
  }
}
