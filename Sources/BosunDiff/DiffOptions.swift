public import BosunSchema

/// How `ManifestDiffer` compares.
public struct DiffOptions: Sendable {
  /// What to do with fields set on the cluster that the manifest does not mention.
  public enum LiveOnlyFields: String, Sendable {
    /// Keep them, as `kubectl apply` does: no change (the default). Fields removed from the
    /// manifest since the last apply are still removals when last-applied-configuration is there.
    case keep
    /// Report them as removals (drift), except the fields the server allocates (Service
    /// clusterIP, nodePorts, Job selector, ...), which the manifest cannot own.
    case report
  }

  /// Which objects on the cluster but not in the manifests are reported as removed.
  public enum RemovedObjects: String, Sendable {
    /// None: only the objects in the manifests are compared (the default).
    case none
    /// Objects carrying last-applied-configuration in the namespaces the manifests use, as
    /// `kubectl apply --prune` would delete.
    case applied
    /// Every recorded object that is not in the manifests.
    case all
  }

  /// The Kubernetes version whose defaults and schemas apply.
  public var kubernetesVersion: KubernetesVersion
  /// Fields the user leaves out.
  public var ignoreRules: [IgnoreRule]
  /// Live-only fields: kept or reported.
  public var liveOnlyFields: LiveOnlyFields
  /// Which absent objects count as removed.
  public var removedObjects: RemovedObjects

  /// Creates options.
  public init(
    kubernetesVersion: KubernetesVersion, ignoreRules: [IgnoreRule] = [],
    liveOnlyFields: LiveOnlyFields = .keep, removedObjects: RemovedObjects = .none
  ) {
    self.kubernetesVersion = kubernetesVersion
    self.ignoreRules = ignoreRules
    self.liveOnlyFields = liveOnlyFields
    self.removedObjects = removedObjects
  }
}
