/// Helm's install order by kind, the tie-break between objects that do not depend on each other.
///
/// Mirrors helm `pkg/release/v1/util/kind_sorter.go` `InstallOrder`. Kinds it does not list
/// go after every listed kind when installing, alphabetically; deletes run the reverse order.
public enum KindOrder {
  /// Helm's `InstallOrder`.
  public static let install: [String] = [
    "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
    "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList",
    "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
    "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
    "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service",
    "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
    "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress",
    "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
  ]

  private static let rank: [String: Int] = Dictionary(
    uniqueKeysWithValues: install.enumerated().map { ($0.element, $0.offset) })

  /// The install rank of a kind; unknown kinds share the rank after the last listed kind.
  public static func installRank(_ kind: String) -> Int { rank[kind] ?? install.count }
}
