public import BosunCore
public import BosunModel
public import BosunYAML

/// Kind groups and the walk to pod specs and containers, so most workload rules are one closure
/// per container.
public enum PodSpecs {
  /// Kinds that carry a pod spec ("pod-spec bearing").
  public static let bearingKinds: Set<String> = [
    "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob",
    "ReplicationController", "PodTemplate",
  ]

  /// Where the pod template sits in each kind (relative to the object).
  public static func templatePointer(kind: String) -> JSONPointer? { templatePointers[kind] }

  private static let templatePointers: [String: JSONPointer] = {
    let spec: JSONPointer = "/spec/template"
    return [
      "CronJob": "/spec/jobTemplate/spec/template", "PodTemplate": "/template",
      "Deployment": spec, "ReplicaSet": spec, "StatefulSet": spec, "DaemonSet": spec, "Job": spec,
      "ReplicationController": spec,
    ]
  }()

  /// The pod spec of an object and its pointer, for pod-spec bearing kinds.
  public static func podSpec(of object: Resource) -> (node: Node, pointer: JSONPointer)? {
    guard bearingKinds.contains(object.identity.kind) else { return nil }
    let pointer =
      templatePointer(kind: object.identity.kind)?.appending("spec") ?? JSONPointer.root.appending(
        "spec")
    guard let node = object.node.node(at: pointer), node.pairs != nil else { return nil }
    return (node, pointer)
  }

  /// The pod template's metadata (labels, annotations) and its pointer; for a Pod, its own.
  public static func podMetadata(of object: Resource) -> (node: Node?, pointer: JSONPointer)? {
    guard bearingKinds.contains(object.identity.kind) else { return nil }
    let pointer =
      templatePointer(kind: object.identity.kind)?.appending("metadata")
      ?? JSONPointer.root.appending("metadata")
    return (object.node.node(at: pointer), pointer)
  }

  /// Which list a container comes from.
  public enum ContainerKind: String, Sendable, CaseIterable {
    case container = "containers"
    case initContainer = "initContainers"
    case ephemeralContainer = "ephemeralContainers"
  }

  /// One container of a pod spec, with its pointer.
  public struct Container: Sendable {
    /// The container's node.
    public var node: Node
    /// Its pointer relative to the object, e.g. `/spec/template/spec/containers/1`.
    public var pointer: JSONPointer
    /// Which list it is in.
    public var kind: ContainerKind
    /// `name`, or `#index` when missing.
    public var name: String
  }

  /// The containers of an object, in the order: containers, init containers, ephemeral
  /// containers; restrict with `kinds`.
  public static func containers(
    of object: Resource, kinds: Set<ContainerKind> = Set(ContainerKind.allCases)
  ) -> [Container] {
    guard let (spec, specPointer) = podSpec(of: object) else { return [] }
    var result: [Container] = []
    for kind in ContainerKind.allCases where kinds.contains(kind) {
      for (index, node) in (spec[kind.rawValue]?.items ?? []).enumerated() {
        result.append(
          Container(
            node: node, pointer: specPointer.appending(kind.rawValue).appending(index),
            kind: kind, name: node["name"]?.scalarText ?? "#\(index)"))
      }
    }
    return result
  }
}
