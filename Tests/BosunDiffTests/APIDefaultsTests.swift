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

  // autoscaling/v2 defaults.go SetDefaults_HorizontalPodAutoscalerBehavior: a nil behavior stays
  // nil; minReplicas is 1 and an empty metrics list becomes one CPU metric at 80 %.
  @Test func horizontalPodAutoscalerWithoutBehavior() {
    let hpa = defaulted("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec: {}\n")
    #expect(hpa.value(at: "/spec/behavior") == nil)
    #expect(hpa.value(at: "/spec/minReplicas") == .int(1))
    #expect(hpa.value(at: "/spec/metrics/0/resource/name") == .string("cpu"))
    #expect(hpa.value(at: "/spec/metrics/0/resource/target/averageUtilization") == .int(80))
    let empty = defaulted(
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  metrics: []\n")
    #expect(empty.value(at: "/spec/metrics/0/type") == .string("Resource"))
    let v1 = defaulted("apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nspec: {}\n")
    #expect(v1.value(at: "/spec/metrics") == nil)
    #expect(v1.value(at: "/spec/minReplicas") == .int(1))
  }

  // autoscaling/v2 defaults.go GenerateHPAScaleUpRules/GenerateHPAScaleDownRules: `behavior: {}`
  // gets both default rules; scale-down keeps a nil stabilizationWindowSeconds.
  @Test func emptyBehaviorGetsBothDefaultRules() throws {
    let hpa = defaulted(
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  behavior: {}\n")
    let up = try #require(hpa.value(at: "/spec/behavior/scaleUp"))
    #expect(up["stabilizationWindowSeconds"] == .int(0))
    #expect(up["selectPolicy"] == .string("Max"))
    #expect(
      up["policies"]?.arrayItems?.map { $0["type"] } == [.string("Pods"), .string("Percent")])
    #expect(up["policies"]?.arrayItems?.map { $0["value"] } == [.int(4), .int(100)])
    #expect(up["policies"]?.arrayItems?.map { $0["periodSeconds"] } == [.int(15), .int(15)])
    let down = try #require(hpa.value(at: "/spec/behavior/scaleDown"))
    #expect(down["stabilizationWindowSeconds"] == nil)
    #expect(down["selectPolicy"] == .string("Max"))
    #expect(down["policies"]?.arrayItems?.map { $0["type"] } == [.string("Percent")])
    #expect(down["policies"]?.arrayItems?.map { $0["value"] } == [.int(100)])
  }

  // autoscaling/v2 defaults.go copyHPAScalingRules: every non-nil field of a given rule is kept,
  // the nil ones come from the default rule.
  @Test func partialRuleKeepsItsFieldsAndGetsTheRest() throws {
    let hpa = defaulted(
      """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      spec:
        behavior:
          scaleUp:
            policies:
            - {type: Pods, value: 2, periodSeconds: 60}
          scaleDown:
            stabilizationWindowSeconds: 120
            selectPolicy: Min
      """)
    let up = try #require(hpa.value(at: "/spec/behavior/scaleUp"))
    #expect(up["policies"]?.arrayItems?.count == 1)
    #expect(up["policies"]?.arrayItems?.first?["value"] == .int(2))
    #expect(up["stabilizationWindowSeconds"] == .int(0))
    #expect(up["selectPolicy"] == .string("Max"))
    let down = try #require(hpa.value(at: "/spec/behavior/scaleDown"))
    #expect(down["stabilizationWindowSeconds"] == .int(120))
    #expect(down["selectPolicy"] == .string("Min"))
    #expect(down["policies"]?.arrayItems?.first?["type"] == .string("Percent"))
  }

  // autoscaling/v2 defaults.go: `behavior: null` is a nil behavior, so no rule is generated.
  @Test func nullBehaviorGetsNoRules() {
    let hpa = defaulted(
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  behavior: null\n")
    #expect(hpa.value(at: "/spec/behavior/scaleUp") == nil)
  }
}
