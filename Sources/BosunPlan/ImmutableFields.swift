/// The immutability table: which field changes the API server rejects on update, per kind.
///
/// Each row mirrors one upstream validation (Kubernetes 1.29 to 1.34). Renaming an object or
/// moving it to another namespace never shows up here: objects are matched by name and
/// namespace, so a rename is a delete of the old object and a create of the new one.
public enum ImmutableFields {
  /// Every rule, in table order.
  public static let rules: [ImmutableFieldRule] = workloads + batch + core + rbac + storage

  /// Rules for the given group and kind.
  public static func rules(group: String, kind: String) -> [ImmutableFieldRule] {
    rules.filter { $0.applies(toGroup: group, kind: kind) }
  }

  static let workloads: [ImmutableFieldRule] = [
    ImmutableFieldRule(
      id: "deployment-selector", group: "apps", kind: "Deployment", pattern: "/spec/selector",
      upstream:
        "pkg/registry/apps/deployment strategy ValidateUpdate (apps/v1: spec.selector is immutable)"
    ),
    ImmutableFieldRule(
      id: "replicaset-selector", group: "apps", kind: "ReplicaSet", pattern: "/spec/selector",
      upstream:
        "pkg/registry/apps/replicaset strategy ValidateUpdate (apps/v1: spec.selector is immutable)"
    ),
    ImmutableFieldRule(
      id: "daemonset-selector", group: "apps", kind: "DaemonSet", pattern: "/spec/selector",
      upstream:
        "pkg/registry/apps/daemonset strategy ValidateUpdate (apps/v1: spec.selector is immutable)"),
    ImmutableFieldRule(
      id: "statefulset-spec", group: "apps", kind: "StatefulSet", pattern: "/spec",
      exceptions: [
        "/spec/replicas", "/spec/ordinals", "/spec/template", "/spec/updateStrategy",
        "/spec/revisionHistoryLimit", "/spec/persistentVolumeClaimRetentionPolicy",
        "/spec/minReadySeconds",
      ],
      upstream:
        "pkg/apis/apps/validation ValidateStatefulSetUpdate (only replicas, ordinals, template, updateStrategy, revisionHistoryLimit, persistentVolumeClaimRetentionPolicy and minReadySeconds may change)"
    ),
  ]

  static let batch: [ImmutableFieldRule] = [
    ImmutableFieldRule(
      id: "job-selector", group: "batch", kind: "Job", pattern: "/spec/selector",
      upstream: "pkg/apis/batch/validation ValidateJobSpecUpdate (spec.selector)"),
    ImmutableFieldRule(
      id: "job-template", group: "batch", kind: "Job", pattern: "/spec/template",
      upstream:
        "pkg/apis/batch/validation validatePodTemplateUpdate (spec.template; only scheduling directives of a suspended Job that never started may change, which a snapshot cannot tell)"
    ),
    ImmutableFieldRule(
      id: "job-completions", group: "batch", kind: "Job", pattern: "/spec/completions",
      upstream:
        "pkg/apis/batch/validation validateCompletions (spec.completions; elastic Indexed Jobs may change it together with parallelism)"
    ),
    ImmutableFieldRule(
      id: "job-completion-mode", group: "batch", kind: "Job", pattern: "/spec/completionMode",
      upstream: "pkg/apis/batch/validation ValidateJobSpecUpdate (spec.completionMode)"),
    ImmutableFieldRule(
      id: "job-pod-failure-policy", group: "batch", kind: "Job", pattern: "/spec/podFailurePolicy",
      upstream: "pkg/apis/batch/validation ValidateJobSpecUpdate (spec.podFailurePolicy)"),
    ImmutableFieldRule(
      id: "job-backoff-limit-per-index", group: "batch", kind: "Job",
      pattern: "/spec/backoffLimitPerIndex",
      upstream: "pkg/apis/batch/validation ValidateJobSpecUpdate (spec.backoffLimitPerIndex)"),
    ImmutableFieldRule(
      id: "job-managed-by", group: "batch", kind: "Job", pattern: "/spec/managedBy",
      upstream: "pkg/apis/batch/validation ValidateJobSpecUpdate (spec.managedBy)"),
    ImmutableFieldRule(
      id: "job-success-policy", group: "batch", kind: "Job", pattern: "/spec/successPolicy",
      upstream: "pkg/apis/batch/validation ValidateJobSpecUpdate (spec.successPolicy)"),
  ]

  static let core: [ImmutableFieldRule] = [
    ImmutableFieldRule(
      id: "service-cluster-ip", group: "", kind: "Service", pattern: "/spec/clusterIP",
      condition: .neitherIsExternalName, unsetKeepsLiveValue: true,
      upstream:
        "pkg/apis/core/validation ValidateServiceUpdate (clusterIP may not change, except to or from type ExternalName)"
    ),
    ImmutableFieldRule(
      id: "service-cluster-ips-primary", group: "", kind: "Service", pattern: "/spec/clusterIPs/0",
      condition: .neitherIsExternalName, unsetKeepsLiveValue: true,
      upstream:
        "pkg/apis/core/validation ValidateServiceUpdate (clusterIPs[0] may not change; a secondary IP may be added or removed)"
    ),
    ImmutableFieldRule(
      id: "service-ip-families-primary", group: "", kind: "Service", pattern: "/spec/ipFamilies/0",
      condition: .neitherIsExternalName, unsetKeepsLiveValue: true,
      upstream:
        "pkg/apis/core/validation ValidateServiceUpdate (the primary ipFamily may not change)"),
    ImmutableFieldRule(
      id: "pvc-spec", group: "", kind: "PersistentVolumeClaim", pattern: "/spec",
      exceptions: [
        "/spec/resources/requests/storage", "/spec/volumeAttributesClassName", "/spec/volumeName",
      ],
      upstream:
        "pkg/apis/core/validation ValidatePersistentVolumeClaimUpdate (spec is immutable after creation except resources.requests and volumeAttributesClassName)"
    ),
    ImmutableFieldRule(
      id: "pvc-volume-name", group: "", kind: "PersistentVolumeClaim", pattern: "/spec/volumeName",
      unsetKeepsLiveValue: true,
      upstream:
        "pkg/apis/core/validation ValidatePersistentVolumeClaimUpdate (a bound claim keeps its volumeName)"
    ),
    ImmutableFieldRule(
      id: "pvc-storage-shrink", group: "", kind: "PersistentVolumeClaim",
      pattern: "/spec/resources/requests/storage", check: .decrease,
      upstream:
        "pkg/apis/core/validation ValidatePersistentVolumeClaimUpdate (spec.resources.requests.storage can not be less than previous value)"
    ),
    ImmutableFieldRule(
      id: "configmap-immutable-data", group: "", kind: "ConfigMap", pattern: "/data",
      condition: .liveMarkedImmutable,
      upstream:
        "pkg/apis/core/validation ValidateConfigMapUpdate (data is immutable when `immutable` is set)"
    ),
    ImmutableFieldRule(
      id: "configmap-immutable-binary-data", group: "", kind: "ConfigMap", pattern: "/binaryData",
      condition: .liveMarkedImmutable,
      upstream:
        "pkg/apis/core/validation ValidateConfigMapUpdate (binaryData is immutable when `immutable` is set)"
    ),
    ImmutableFieldRule(
      id: "configmap-immutable-flag", group: "", kind: "ConfigMap", pattern: "/immutable",
      condition: .liveMarkedImmutable,
      upstream:
        "pkg/apis/core/validation ValidateConfigMapUpdate (immutable: true can not be unset)"),
    ImmutableFieldRule(
      id: "secret-type", group: "", kind: "Secret", pattern: "/type", unsetKeepsLiveValue: true,
      upstream: "pkg/apis/core/validation ValidateSecretUpdate (type is immutable)"),
    ImmutableFieldRule(
      id: "secret-immutable-data", group: "", kind: "Secret", pattern: "/data",
      condition: .liveMarkedImmutable,
      upstream:
        "pkg/apis/core/validation ValidateSecretUpdate (data is immutable when `immutable` is set)"),
    ImmutableFieldRule(
      id: "secret-immutable-flag", group: "", kind: "Secret", pattern: "/immutable",
      condition: .liveMarkedImmutable,
      upstream: "pkg/apis/core/validation ValidateSecretUpdate (immutable: true can not be unset)"),
    ImmutableFieldRule(
      id: "pod-spec", group: "", kind: "Pod", pattern: "/spec",
      exceptions: [
        "/spec/containers/*/image", "/spec/initContainers/*/image",
        "/spec/activeDeadlineSeconds", "/spec/tolerations", "/spec/terminationGracePeriodSeconds",
      ],
      upstream:
        "pkg/apis/core/validation ValidatePodUpdate (only container images, activeDeadlineSeconds, added tolerations and terminationGracePeriodSeconds may change)"
    ),
  ]

  static let rbac: [ImmutableFieldRule] = [
    ImmutableFieldRule(
      id: "rolebinding-role-ref", group: "rbac.authorization.k8s.io", kind: "RoleBinding",
      pattern: "/roleRef",
      upstream: "pkg/apis/rbac/validation ValidateRoleBindingUpdate (cannot change roleRef)"),
    ImmutableFieldRule(
      id: "clusterrolebinding-role-ref", group: "rbac.authorization.k8s.io",
      kind: "ClusterRoleBinding", pattern: "/roleRef",
      upstream: "pkg/apis/rbac/validation ValidateClusterRoleBindingUpdate (cannot change roleRef)"),
  ]

  static let storage: [ImmutableFieldRule] = [
    "parameters", "provisioner", "reclaimPolicy", "volumeBindingMode",
  ].map { field in
    ImmutableFieldRule(
      id: "storageclass-\(field.lowercased())", group: "storage.k8s.io", kind: "StorageClass",
      pattern: PointerPattern(steps: [field]),
      upstream: "pkg/apis/storage/validation ValidateStorageClassUpdate (\(field) is immutable)")
  }
}
