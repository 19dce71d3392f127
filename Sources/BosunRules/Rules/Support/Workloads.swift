import BosunCore
import BosunModel
import BosunYAML

/// Facts about workload objects that several rules share.
enum Workloads {
  /// Kinds with `spec.replicas`.
  static let replicatedKinds: Set<String> = [
    "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController",
  ]

  /// `spec.replicas`, defaulting to 1 as the API server does when it is absent.
  static func replicas(of object: Resource) -> Int64? {
    guard replicatedKinds.contains(object.identity.kind) else { return nil }
    guard let node = object.node["spec"]?["replicas"] else { return 1 }
    return node.intValue
  }

  /// Whether some HorizontalPodAutoscaler in the input scales this object.
  static func isAutoscaled(_ object: Resource, in context: RuleContext) -> Bool {
    context.resources(kind: "HorizontalPodAutoscaler", namespace: object.identity.namespace)
      .contains {
        let target = $0.node["spec"]?["scaleTargetRef"]
        return target?["kind"]?.text == object.identity.kind
          && target?["name"]?.text == object.identity.name
      }
  }

  /// The pod template's labels (a Pod's own labels).
  static func podLabels(of object: Resource) -> [String: String] {
    guard let metadata = PodSpecs.podMetadata(of: object)?.node else { return [:] }
    var labels: [String: String] = [:]
    for pair in metadata["labels"]?.pairs ?? [] {
      if let value = pair.value.scalarText { labels[pair.key.keyString] = value }
    }
    return labels
  }
}
