import BosunCore
import BosunYAML

/// Fields the API server writes and no manifest should own: dropped from both sides before the
/// diff. Mirrors what kubectl, helm-diff and Argo CD drop (`metadata.managedFields`, `status`, ...).
enum ServerOwnedFields {
  /// Metadata keys written by the server.
  static let metadataKeys: [String] = [
    "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink",
    "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences",
  ]

  /// The annotation `kubectl apply` records the applied manifest in; the base of the three-way diff.
  static let lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"

  /// Annotations written by the server or by controllers.
  static let annotations: [String] = [
    lastAppliedAnnotation,
    "deployment.kubernetes.io/revision",  // pkg/controller/deployment/util: RevisionAnnotation
    // pkg/registry/apps/daemonset/strategy.go: bumped with every template change
    "deprecated.daemonset.template.generation",
  ]

  /// Removes server-owned fields from one object.
  static func strip(_ object: inout Value) {
    object.remove("status")
    object.update("metadata") { metadata in
      for key in metadataKeys { metadata.remove(key) }
      metadata.update("annotations") { map in
        for key in annotations { map.remove(key) }
      }
    }
    // Pod templates carry `metadata.creationTimestamp: null`; pruning drops it. StatefulSet
    // claim templates come back with a `status`, and often `apiVersion` and `kind`, of their own.
    object.update("spec") { spec in
      spec.update("volumeClaimTemplates") { templates in
        templates.updateItems { template in
          template.remove("status")
          template.remove("apiVersion")
          template.remove("kind")
          template.update("metadata") { $0.remove("creationTimestamp") }
        }
      }
    }
  }

  /// The applied manifest recorded on a live object, when it is there and parses. JSON is
  /// YAML, so the YAML reader keeps its key order and number types.
  static func lastApplied(in live: Value) -> Value? {
    guard case .string(let text)? = live["metadata"]?["annotations"]?[lastAppliedAnnotation]
    else { return nil }
    let stream = YAMLParser.parse(Array(text.utf8), file: lastAppliedAnnotation)
    guard stream.diagnostics.isEmpty, stream.documents.count == 1,
      let root = stream.documents.first?.root, root.pairs != nil
    else { return nil }
    return root.toValue()
  }
}
