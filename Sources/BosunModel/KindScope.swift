/// Whether built-in kinds live in a namespace, so identities can default `namespace` the way
/// `kubectl apply` does (to `default`, or to `--namespace`).
public enum KindScope {
  /// Built-in kinds that are cluster-scoped (from `kubectl api-resources --namespaced=false`).
  public static let clusterScopedKinds: Set<String> = [
    "APIService", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding",
    "ComponentStatus", "CSIDriver", "CSINode", "CustomResourceDefinition", "FlowSchema",
    "IngressClass", "MutatingWebhookConfiguration", "Namespace", "Node", "PersistentVolume",
    "PriorityClass", "PriorityLevelConfiguration", "RuntimeClass", "SelfSubjectAccessReview",
    "SelfSubjectReview", "SelfSubjectRulesReview", "StorageClass", "SubjectAccessReview",
    "TokenReview", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration", "VolumeAttachment", "VolumeAttributesClass",
    "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "DeviceClass",
    "ResourceSlice", "IPAddress", "ServiceCIDR", "ClusterTrustBundle", "StorageVersion",
    "StorageVersionMigration",
  ]

  /// Whether a kind is namespaced. Unknown kinds (custom resources) count as namespaced unless
  /// a CRD in the input says otherwise.
  public static func isNamespaced(kind: String, clusterScopedCustomKinds: Set<String> = []) -> Bool
  {
    !clusterScopedKinds.contains(kind) && !clusterScopedCustomKinds.contains(kind)
  }
}
