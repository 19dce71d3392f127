import BosunCore
public import BosunYAML

/// A typed view of one object, chosen from its `apiVersion` and `kind`.
///
/// Kinds are recognised only in their own API groups (a `Service` of `serving.knative.dev` is
/// a custom resource, not a core Service); anything else is `.other`, to be handled by schema
/// and CRD checks.
public enum ObjectView: Equatable, Sendable {
  /// A `v1` Pod.
  case pod(Pod)
  /// An `apps/v1` Deployment.
  case deployment(Deployment)
  /// An `apps/v1` ReplicaSet.
  case replicaSet(ReplicaSet)
  /// An `apps/v1` StatefulSet.
  case statefulSet(StatefulSet)
  /// An `apps/v1` DaemonSet.
  case daemonSet(DaemonSet)
  /// A `batch/v1` Job.
  case job(Job)
  /// A `batch/v1` CronJob.
  case cronJob(CronJob)
  /// A `v1` Service.
  case service(Service)
  /// An Ingress.
  case ingress(Ingress)
  /// A `v1` ConfigMap.
  case configMap(ConfigMap)
  /// A `v1` Secret.
  case secret(Secret)
  /// A `v1` Namespace.
  case namespace(Namespace)
  /// A `v1` PersistentVolumeClaim.
  case persistentVolumeClaim(PersistentVolumeClaim)
  /// A `v1` ServiceAccount.
  case serviceAccount(ServiceAccount)
  /// A HorizontalPodAutoscaler.
  case horizontalPodAutoscaler(HorizontalPodAutoscaler)
  /// A `policy/v1` PodDisruptionBudget.
  case podDisruptionBudget(PodDisruptionBudget)
  /// A NetworkPolicy.
  case networkPolicy(NetworkPolicy)
  /// A Role or a ClusterRole (see `Role.isClusterRole`).
  case role(Role)
  /// A RoleBinding or a ClusterRoleBinding (see `RoleBinding.isClusterRoleBinding`).
  case roleBinding(RoleBinding)
  /// A `v1` Node.
  case node(ClusterNode)
  /// A CustomResourceDefinition.
  case customResourceDefinition(CustomResourceDefinition)
  /// A kind without a typed view (custom resources, less common built-ins).
  case other

  /// The kinds that carry a pod template, kube-linter's "pod-spec bearing" group.
  public static let podSpecBearingKinds: Set<String> = [
    "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob",
  ]

  /// The kinds that run pods through a controller.
  public static let workloadKinds: Set<String> = [
    "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob",
  ]

  /// Reads the typed view of an object, with an issue for every field of the wrong shape.
  /// A root that is not a mapping gives an empty view and one issue at the root.
  public static func decode(apiVersion: String, kind: String, root: Node) -> (
    view: ObjectView, issues: [ModelIssue]
  ) {
    let group = ObjectIdentity.split(apiVersion: apiVersion).group
    guard let make = reader(group: group, kind: kind) else { return (.other, []) }
    return FieldReader.decode(root, at: .root, make)
  }

  /// Reads the typed view of an object, taking `apiVersion` and `kind` from the root itself.
  /// Without both, or with a root that is not a mapping, it gives `.other` and no issues:
  /// reporting a missing kind is the identity stage's job.
  public static func decode(root: Node) -> (view: ObjectView, issues: [ModelIssue]) {
    guard case .string(let apiVersion)? = root["apiVersion"]?.resolved,
      case .string(let kind)? = root["kind"]?.resolved
    else { return (.other, []) }
    return decode(apiVersion: apiVersion, kind: kind, root: root)
  }

  private static func reader(group: String, kind: String) -> ((FieldReader) -> ObjectView)? {
    switch (group, kind) {
    case ("", "Pod"): { .pod(Pod($0)) }
    case ("apps", "Deployment"), ("extensions", "Deployment"): { .deployment(Deployment($0)) }
    case ("apps", "ReplicaSet"), ("extensions", "ReplicaSet"): { .replicaSet(ReplicaSet($0)) }
    case ("apps", "StatefulSet"): { .statefulSet(StatefulSet($0)) }
    case ("apps", "DaemonSet"), ("extensions", "DaemonSet"): { .daemonSet(DaemonSet($0)) }
    case ("batch", "Job"): { .job(Job($0)) }
    case ("batch", "CronJob"): { .cronJob(CronJob($0)) }
    case ("", "Service"): { .service(Service($0)) }
    case ("networking.k8s.io", "Ingress"), ("extensions", "Ingress"): { .ingress(Ingress($0)) }
    case ("", "ConfigMap"): { .configMap(ConfigMap($0)) }
    case ("", "Secret"): { .secret(Secret($0)) }
    case ("", "Namespace"): { .namespace(Namespace($0)) }
    case ("", "PersistentVolumeClaim"): { .persistentVolumeClaim(PersistentVolumeClaim($0)) }
    case ("", "ServiceAccount"): { .serviceAccount(ServiceAccount($0)) }
    case ("autoscaling", "HorizontalPodAutoscaler"):
      { .horizontalPodAutoscaler(HorizontalPodAutoscaler($0)) }
    case ("policy", "PodDisruptionBudget"): { .podDisruptionBudget(PodDisruptionBudget($0)) }
    case ("networking.k8s.io", "NetworkPolicy"), ("extensions", "NetworkPolicy"):
      { .networkPolicy(NetworkPolicy($0)) }
    case ("rbac.authorization.k8s.io", "Role"): { .role(Role($0, isClusterRole: false)) }
    case ("rbac.authorization.k8s.io", "ClusterRole"): { .role(Role($0, isClusterRole: true)) }
    case ("rbac.authorization.k8s.io", "RoleBinding"):
      { .roleBinding(RoleBinding($0, isClusterRoleBinding: false)) }
    case ("rbac.authorization.k8s.io", "ClusterRoleBinding"):
      { .roleBinding(RoleBinding($0, isClusterRoleBinding: true)) }
    case ("", "Node"): { .node(ClusterNode($0)) }
    case ("apiextensions.k8s.io", "CustomResourceDefinition"):
      { .customResourceDefinition(CustomResourceDefinition($0)) }
    default: nil
    }
  }

  /// The pod template of a pod-spec-bearing object, with its pointer: a Pod's own root,
  /// `/spec/template` for workloads, `/spec/jobTemplate/spec/template` for a CronJob.
  /// Nil for every other kind.
  public var podTemplate: PodTemplateSpec? {
    switch self {
    case .pod(let pod): pod.template
    case .deployment(let deployment): deployment.template
    case .replicaSet(let replicaSet): replicaSet.template
    case .statefulSet(let statefulSet): statefulSet.template
    case .daemonSet(let daemonSet): daemonSet.template
    case .job(let job): job.spec.template
    case .cronJob(let cronJob): cronJob.jobSpec.template
    default: nil
    }
  }

  /// The object's `metadata`, nil for `.other`.
  public var metadata: ObjectMeta? {
    switch self {
    case .pod(let view): view.metadata
    case .deployment(let view): view.metadata
    case .replicaSet(let view): view.metadata
    case .statefulSet(let view): view.metadata
    case .daemonSet(let view): view.metadata
    case .job(let view): view.metadata
    case .cronJob(let view): view.metadata
    case .service(let view): view.metadata
    case .ingress(let view): view.metadata
    case .configMap(let view): view.metadata
    case .secret(let view): view.metadata
    case .namespace(let view): view.metadata
    case .persistentVolumeClaim(let view): view.metadata
    case .serviceAccount(let view): view.metadata
    case .horizontalPodAutoscaler(let view): view.metadata
    case .podDisruptionBudget(let view): view.metadata
    case .networkPolicy(let view): view.metadata
    case .role(let view): view.metadata
    case .roleBinding(let view): view.metadata
    case .node(let view): view.metadata
    case .customResourceDefinition(let view): view.metadata
    case .other: nil
    }
  }
}
