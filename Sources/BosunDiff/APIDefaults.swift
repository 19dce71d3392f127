import BosunCore
import BosunSchema

/// The API server's defaults as a table, applied in order to both sides of the diff.
///
/// Rows mirror `SetDefaults_*` in pkg/apis/core/v1, apps/v1, batch/v1, autoscaling/v2,
/// apiextensions/v1 and the Namespace defaulting; a row only fills a field that is absent.
public enum APIDefaults {
  private static let core = "pkg/apis/core/v1/defaults.go"
  private static let apps = "pkg/apis/apps/v1/defaults.go"
  private static let batch = "pkg/apis/batch/v1/defaults.go"
  private static let workloads: Set<String> = [
    "Pod", "PodTemplate", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob",
    "ReplicationController",
  ]
  private static func s(_ text: String) -> Value { .string(text) }
  private static func i(_ number: Int64) -> Value { .int(number) }

  /// Every row, in the order they apply.
  public static let table: [APIDefault] =
    podSpec + containers + objects + horizontalPodAutoscaler

  private static let podSpec: [APIDefault] = [
    APIDefault(workloads, .podSpec, "", "restartPolicy", .value(s("Always")), source: core),
    APIDefault(workloads, .podSpec, "", "dnsPolicy", .value(s("ClusterFirst")), source: core),
    APIDefault(
      workloads, .podSpec, "", "schedulerName", .value(s("default-scheduler")), source: core),
    APIDefault(
      workloads, .podSpec, "", "terminationGracePeriodSeconds", .value(i(30)), source: core),
    APIDefault(workloads, .podSpec, "", "securityContext", .value(.object([])), source: core),
    APIDefault(["Pod"], .object, "spec", "enableServiceLinks", .value(.bool(true)), source: core),
    APIDefault(
      workloads, .podSpec, "volumes/*/secret", "defaultMode", .value(i(420)), source: core),
    APIDefault(
      workloads, .podSpec, "volumes/*/configMap", "defaultMode", .value(i(420)), source: core),
    APIDefault(
      workloads, .podSpec, "volumes/*/downwardAPI", "defaultMode", .value(i(420)), source: core),
    APIDefault(
      workloads, .podSpec, "volumes/*/projected", "defaultMode", .value(i(420)), source: core),
    APIDefault(
      workloads, .podSpec, "volumes/*/projected/sources/*/serviceAccountToken",
      "expirationSeconds", .value(i(3600)), source: core),
    APIDefault(workloads, .podSpec, "volumes/*/hostPath", "type", .value(s("")), source: core),
    APIDefault(
      workloads, .podSpec, "volumes/*/downwardAPI/items/*/fieldRef", "apiVersion",
      .value(s("v1")), source: core),
  ]

  private static let containers: [APIDefault] = [
    "containers", "initContainers", "ephemeralContainers",
  ]
  .flatMap { list -> [APIDefault] in
    let each = "\(list)/*"
    var rows = [
      APIDefault(
        workloads, .podSpec, each, "terminationMessagePath",
        .value(s("/dev/termination-log")), source: core),
      APIDefault(
        workloads, .podSpec, each, "terminationMessagePolicy", .value(s("File")), source: core),
      APIDefault(workloads, .podSpec, each, "imagePullPolicy", .imagePullPolicy, source: core),
      APIDefault(workloads, .podSpec, each, "resources", .value(.object([])), source: core),
      APIDefault(
        workloads, .podSpec, "\(each)/ports/*", "protocol", .value(s("TCP")), source: core),
      APIDefault(
        workloads, .podSpec, "\(each)/env/*/valueFrom/fieldRef", "apiVersion",
        .value(s("v1")), source: core),
      // A Quantity, not a pointer: it serialises as "0" when unset.
      APIDefault(
        workloads, .podSpec, "\(each)/env/*/valueFrom/resourceFieldRef", "divisor",
        .value(s("0")), source: "k8s.io/api/core/v1 types.go ResourceFieldSelector"),
    ]
    for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
      let at = "\(each)/\(probe)"
      rows += [
        APIDefault(workloads, .podSpec, at, "timeoutSeconds", .value(i(1)), source: core),
        APIDefault(workloads, .podSpec, at, "periodSeconds", .value(i(10)), source: core),
        APIDefault(workloads, .podSpec, at, "successThreshold", .value(i(1)), source: core),
        APIDefault(workloads, .podSpec, at, "failureThreshold", .value(i(3)), source: core),
        APIDefault(workloads, .podSpec, "\(at)/httpGet", "path", .value(s("/")), source: core),
        APIDefault(
          workloads, .podSpec, "\(at)/httpGet", "scheme", .value(s("HTTP")), source: core),
      ]
    }
    return rows
  }

  private static let v1_22 = KubernetesVersion(minor: 22)
  private static let v1_24 = KubernetesVersion(minor: 24)
  private static let v1_27 = KubernetesVersion(minor: 27)
  private static let v1_29 = KubernetesVersion(minor: 29)

  private static let objects: [APIDefault] = [
    // apps/v1
    APIDefault(["Deployment"], "spec", "replicas", .value(i(1)), source: apps),
    APIDefault(["Deployment"], "spec/+strategy", "type", .value(s("RollingUpdate")), source: apps),
    APIDefault(
      ["Deployment"], "spec/strategy/+rollingUpdate", "maxUnavailable", .value(s("25%")),
      when: .rootIn("/spec/strategy/type", [s("RollingUpdate")]), source: apps),
    APIDefault(
      ["Deployment"], "spec/strategy/+rollingUpdate", "maxSurge", .value(s("25%")),
      when: .rootIn("/spec/strategy/type", [s("RollingUpdate")]), source: apps),
    APIDefault(["Deployment"], "spec", "revisionHistoryLimit", .value(i(10)), source: apps),
    APIDefault(["Deployment"], "spec", "progressDeadlineSeconds", .value(i(600)), source: apps),
    APIDefault(
      ["ReplicaSet", "ReplicationController"], "spec", "replicas", .value(i(1)), source: apps),
    APIDefault(
      ["StatefulSet"], "spec", "podManagementPolicy", .value(s("OrderedReady")), source: apps),
    // rollingUpdate is only created when the type was left empty.
    APIDefault(
      ["StatefulSet"], "spec/+updateStrategy/+rollingUpdate", "partition", .value(i(0)),
      when: .rootAbsent("/spec/updateStrategy/type"), source: apps),
    APIDefault(
      ["StatefulSet"], "spec/+updateStrategy", "type", .value(s("RollingUpdate")), source: apps),
    APIDefault(
      ["StatefulSet"], "spec/updateStrategy/rollingUpdate", "partition", .value(i(0)),
      when: .rootIn("/spec/updateStrategy/type", [s("RollingUpdate")]), source: apps),
    APIDefault(
      ["StatefulSet"], "spec/+persistentVolumeClaimRetentionPolicy", "whenDeleted",
      .value(s("Retain")), since: v1_27, source: apps),
    APIDefault(
      ["StatefulSet"], "spec/+persistentVolumeClaimRetentionPolicy", "whenScaled",
      .value(s("Retain")), since: v1_27, source: apps),
    APIDefault(["StatefulSet"], "spec", "replicas", .value(i(1)), source: apps),
    APIDefault(["StatefulSet"], "spec", "revisionHistoryLimit", .value(i(10)), source: apps),
    APIDefault(
      ["StatefulSet"], "spec/volumeClaimTemplates/*/spec", "volumeMode",
      .value(s("Filesystem")), source: core),
    APIDefault(
      ["DaemonSet"], "spec/+updateStrategy", "type", .value(s("RollingUpdate")), source: apps),
    APIDefault(
      ["DaemonSet"], "spec/updateStrategy/+rollingUpdate", "maxUnavailable", .value(i(1)),
      when: .rootIn("/spec/updateStrategy/type", [s("RollingUpdate")]), source: apps),
    APIDefault(
      ["DaemonSet"], "spec/updateStrategy/+rollingUpdate", "maxSurge", .value(i(0)),
      when: .rootIn("/spec/updateStrategy/type", [s("RollingUpdate")]), since: v1_22,
      source: apps),
    APIDefault(["DaemonSet"], "spec", "revisionHistoryLimit", .value(i(10)), source: apps),
    // batch/v1
    APIDefault(
      ["Job"], "spec", "completions", .value(i(1)), when: .rootAbsent("/spec/parallelism"),
      source: batch),
    APIDefault(["Job"], "spec", "parallelism", .value(i(1)), source: batch),
    APIDefault(["Job"], "spec", "backoffLimit", .value(i(6)), source: batch),
    APIDefault(
      ["Job"], "+metadata", "labels", .fromRoot("/spec/template/metadata/labels"), source: batch),
    APIDefault(["Job"], "spec", "completionMode", .value(s("NonIndexed")), source: batch),
    APIDefault(["Job"], "spec", "suspend", .value(.bool(false)), source: batch),
    APIDefault(
      ["Job"], "spec", "podReplacementPolicy", .value(s("TerminatingOrFailed")),
      when: .rootAbsent("/spec/podFailurePolicy"), since: v1_29, source: batch),
    APIDefault(
      ["Job"], "spec", "podReplacementPolicy", .value(s("Failed")),
      when: .rootPresent("/spec/podFailurePolicy"), since: v1_29, source: batch),
    APIDefault(["CronJob"], "spec", "concurrencyPolicy", .value(s("Allow")), source: batch),
    APIDefault(["CronJob"], "spec", "suspend", .value(.bool(false)), source: batch),
    APIDefault(["CronJob"], "spec", "successfulJobsHistoryLimit", .value(i(3)), source: batch),
    APIDefault(["CronJob"], "spec", "failedJobsHistoryLimit", .value(i(1)), source: batch),
    // core/v1 Service
    APIDefault(["Service"], "spec", "type", .value(s("ClusterIP")), source: core),
    APIDefault(["Service"], "spec", "sessionAffinity", .value(s("None")), source: core),
    APIDefault(
      ["Service"], "spec/+sessionAffinityConfig/+clientIP", "timeoutSeconds", .value(i(10800)),
      when: .rootIn("/spec/sessionAffinity", [s("ClientIP")]), source: core),
    APIDefault(["Service"], "spec/ports/*", "protocol", .value(s("TCP")), source: core),
    APIDefault(["Service"], "spec/ports/*", "targetPort", .sibling("port"), source: core),
    APIDefault(
      ["Service"], "spec", "internalTrafficPolicy", .value(s("Cluster")),
      when: .rootIn("/spec/type", [s("ClusterIP"), s("NodePort"), s("LoadBalancer")]),
      since: v1_22, source: core),
    APIDefault(
      ["Service"], "spec", "externalTrafficPolicy", .value(s("Cluster")),
      when: .rootIn("/spec/type", [s("NodePort"), s("LoadBalancer")]), source: core),
    APIDefault(
      ["Service"], "spec", "allocateLoadBalancerNodePorts", .value(.bool(true)),
      when: .rootIn("/spec/type", [s("LoadBalancer")]), since: v1_24, source: core),
    // core/v1 others
    APIDefault(["Secret"], "", "type", .value(s("Opaque")), source: core),
    APIDefault(
      ["Namespace"], "+metadata/+labels", "kubernetes.io/metadata.name",
      .fromRoot("/metadata/name"), source: core),
    APIDefault(
      ["Namespace"], "+spec", "finalizers", .value(.array([s("kubernetes")])),
      source: "pkg/registry/core/namespace/strategy.go"),
    APIDefault(
      ["PersistentVolumeClaim"], "spec", "volumeMode", .value(s("Filesystem")), source: core),
    APIDefault(
      ["PersistentVolume"], "spec", "persistentVolumeReclaimPolicy", .value(s("Retain")),
      source: core),
    APIDefault(["PersistentVolume"], "spec", "volumeMode", .value(s("Filesystem")), source: core),
    // apiextensions/v1
    APIDefault(
      ["CustomResourceDefinition"], "spec/names", "singular", .lowercasedSibling("kind"),
      source: "apiextensions-apiserver/pkg/apis/apiextensions/v1/defaults.go"),
    APIDefault(
      ["CustomResourceDefinition"], "spec/names", "listKind", .siblingWithSuffix("kind", "List"),
      source: "apiextensions-apiserver/pkg/apis/apiextensions/v1/defaults.go"),
    APIDefault(
      ["CustomResourceDefinition"], "spec/+conversion", "strategy", .value(s("None")),
      source: "apiextensions-apiserver/pkg/apis/apiextensions/v1/defaults.go"),
  ]

  /// The rows of one Kubernetes version, by kind, with their paths resolved.
  public struct Plan: Sendable {
    fileprivate var byKind: [String: [(row: APIDefault, paths: [[String]])]] = [:]

    /// Applies every row for the object's kind, in table order.
    public func apply(to object: inout Value, kind: String) {
      for entry in byKind[kind] ?? [] { entry.row.apply(to: &object, paths: entry.paths) }
    }
  }

  /// The rows that hold in `version`, ready to apply.
  public static func plan(for version: KubernetesVersion) -> Plan {
    var plan = Plan()
    for row in table where row.since.map({ version >= $0 }) ?? true {
      for kind in row.kinds.sorted() {
        plan.byKind[kind, default: []].append((row, row.paths(kind: kind)))
      }
    }
    return plan
  }

  /// Applies every row that holds in `version` to one object.
  public static func apply(to object: inout Value, kind: String, version: KubernetesVersion) {
    plan(for: version).apply(to: &object, kind: kind)
  }
}
