import BosunCore
import BosunModel
import BosunSchema
import BosunYAML
import Testing

@testable import BosunDiff

/// Rows of the defaults table, each pinned to the upstream rule it mirrors.
@Suite struct APIDefaultsTests {
  func defaulted(_ yaml: String, version: Int = 31) -> Value {
    var value = YAMLParser.parse(Array(yaml.utf8), file: "t.yaml").documents[0].root.toValue()
    let kind = value["kind"]?.stringValue ?? ""
    APIDefaults.apply(to: &value, kind: kind, version: KubernetesVersion(minor: version))
    return value
  }

  // core/v1 defaults.go SetDefaults_Container: Always for :latest or no tag, else IfNotPresent.
  @Test(arguments: [
    ("nginx", "Always"), ("nginx:latest", "Always"), ("nginx:1.27", "IfNotPresent"),
    ("registry:5000/nginx", "Always"), ("registry:5000/nginx:1.2", "IfNotPresent"),
    ("nginx@sha256:abc", "IfNotPresent"),
  ])
  func imagePullPolicyFollowsTheTag(image: String, policy: String) {
    #expect(APIDefault.pullPolicy(image: image) == policy)
  }

  // apps/v1 defaults.go SetDefaults_StatefulSet: rollingUpdate is created only for an empty type.
  @Test func statefulSetPartitionOnlyWhenTheTypeWasLeftEmpty() {
    let empty = defaulted("kind: StatefulSet\nspec: {}\n")
    #expect(empty.value(at: "/spec/updateStrategy/rollingUpdate/partition") == .int(0))
    let given = defaulted("kind: StatefulSet\nspec:\n  updateStrategy:\n    type: RollingUpdate\n")
    #expect(given.value(at: "/spec/updateStrategy/rollingUpdate") == nil)
    #expect(
      given.value(at: "/spec/persistentVolumeClaimRetentionPolicy/whenScaled") == .string("Retain"))
    let old = defaulted("kind: StatefulSet\nspec: {}\n", version: 26)
    #expect(old.value(at: "/spec/persistentVolumeClaimRetentionPolicy") == nil)
  }

  // batch/v1 defaults.go SetDefaults_Job: both unset → 1 and 1; parallelism alone → no completions.
  @Test func jobCompletionsOnlyWhenParallelismIsUnset() {
    let plain = defaulted("kind: Job\nspec: {}\n")
    #expect(plain.value(at: "/spec/completions") == .int(1))
    #expect(plain.value(at: "/spec/parallelism") == .int(1))
    #expect(plain.value(at: "/spec/backoffLimit") == .int(6))
    let parallel = defaulted("kind: Job\nspec:\n  parallelism: 4\n")
    #expect(parallel.value(at: "/spec/completions") == nil)
  }

  // apps/v1 defaults.go SetDefaults_Deployment: 25% surge and unavailable only for RollingUpdate.
  @Test func deploymentRollingUpdateOnlyForThatStrategy() {
    let rolling = defaulted("kind: Deployment\nspec: {}\n")
    #expect(rolling.value(at: "/spec/strategy/rollingUpdate/maxSurge") == .string("25%"))
    let recreate = defaulted("kind: Deployment\nspec:\n  strategy:\n    type: Recreate\n")
    #expect(recreate.value(at: "/spec/strategy/rollingUpdate") == nil)
  }

  // core/v1 defaults.go SetDefaults_Service: targetPort := port; NodePort gets externalTrafficPolicy.
  @Test func servicePortsAndTrafficPolicies() {
    let service = defaulted("kind: Service\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n")
    #expect(service.value(at: "/spec/ports/0/targetPort") == .int(80))
    #expect(service.value(at: "/spec/ports/0/protocol") == .string("TCP"))
    #expect(service.value(at: "/spec/externalTrafficPolicy") == .string("Cluster"))
    let external = defaulted("kind: Service\nspec:\n  type: ExternalName\n")
    #expect(external.value(at: "/spec/internalTrafficPolicy") == nil)
  }

  // core/v1 defaults.go SetDefaults_Probe and SetDefaults_HTTPGetAction, in a CronJob's pod.
  @Test func probesInsideACronJob() {
    let cron = defaulted(
      """
      kind: CronJob
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                - name: a
                  image: a:1
                  livenessProbe:
                    httpGet:
                      port: 80
      """)
    let probe = "/spec/jobTemplate/spec/template/spec/containers/0/livenessProbe"
    #expect(cron.value(at: JSONPointer(parsing: probe + "/periodSeconds")!) == .int(10))
    #expect(cron.value(at: JSONPointer(parsing: probe + "/httpGet/path")!) == .string("/"))
    #expect(cron.value(at: "/spec/jobTemplate/spec/backoffLimit") == nil)
  }
}
