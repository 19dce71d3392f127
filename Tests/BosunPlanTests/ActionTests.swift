import BosunCore
import BosunModel
import Foundation
import Testing

@testable import BosunPlan

@Suite("Actions")
struct ActionTests {
  @Test("a new object is created, an identical one is unchanged")
  func createAndUnchanged() {
    let plan = PlanBuilder().plan(
      changes(
        desired: deployment() + "\n---\n"
          + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: shop}\ndata: {a: '1'}",
        live: deployment()))
    #expect(plan.object(kind: "Deployment", namespace: "shop", name: "web")?.action == .unchanged)
    #expect(
      plan.object(kind: "ConfigMap", namespace: "shop", name: "web-config")?.action == .create)
    #expect(describe(plan.steps) == ["create ConfigMap/web-config"])
  }

  @Test(
    "a Deployment selector change is a replace (registry/apps/deployment ValidateUpdate: apps/v1 spec.selector is immutable)"
  )
  func deploymentSelectorIsReplace() throws {
    let plan = PlanBuilder().plan(
      changes(desired: deployment(selector: "web-v2"), live: deployment()))
    let web = try #require(plan.object(kind: "Deployment", namespace: "shop", name: "web"))
    #expect(web.action == .replace)
    #expect(web.violations.map(\.rule.id) == ["deployment-selector"])
    #expect(web.violations.map(\.pointer) == ["/spec/selector/matchLabels/app"])
    #expect(web.impacts.map(\.kind).contains(.downtime))
    #expect(describe(plan.steps) == ["delete Deployment/web", "create Deployment/web"])
    #expect(plan.steps[1].dependsOn == [0])
    #expect(plan.steps[0].object == nil)
    #expect(plan.steps[1].object?.value(at: "/spec/selector/matchLabels/app") == .string("web-v2"))
  }

  @Test("a change above the immutable field still counts (a whole /spec replaced)")
  func ancestorChange() throws {
    let live = resources(deployment())[0]
    let desired = resources(deployment(selector: "other"))[0]
    let change = ObjectChange(
      identity: desired.identity, desired: desired, live: live,
      fieldChanges: [
        FieldChange(
          pointer: "/spec", before: live.node.toValue().value(at: "/spec"),
          after: desired.node.toValue().value(at: "/spec"))
      ])
    let plan = PlanBuilder().plan([change])
    #expect(plan.objects[0].action == .replace)
  }

  static let statefulSet = """
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db, namespace: shop}
    spec:
      replicas: REPLICAS
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers: [{name: db, image: IMAGE}]
      volumeClaimTemplates:
      - metadata: {name: data}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: SIZE}}
    """

  static func db(replicas: Int = 3, image: String = "postgres:16", size: String = "10Gi") -> String
  {
    statefulSet.replacingOccurrences(of: "REPLICAS", with: String(replicas))
      .replacingOccurrences(of: "IMAGE", with: image).replacingOccurrences(of: "SIZE", with: size)
  }

  @Test(
    "a StatefulSet volumeClaimTemplates change is a replace with data at risk (ValidateStatefulSetUpdate)"
  )
  func statefulSetClaimTemplates() throws {
    let plan = PlanBuilder().plan(changes(desired: Self.db(size: "20Gi"), live: Self.db()))
    let db = try #require(plan.object(kind: "StatefulSet", namespace: "shop", name: "db"))
    #expect(db.action == .replace)
    #expect(db.violations.map(\.rule.id) == ["statefulset-spec"])
    #expect(Set(db.impacts.map(\.kind)) == [.dataAtRisk, .downtime])
  }

  @Test(
    "StatefulSet replicas and template may change in place (ValidateStatefulSetUpdate exceptions)")
  func statefulSetMutableFields() throws {
    let plan = PlanBuilder().plan(
      changes(desired: Self.db(replicas: 5, image: "postgres:17"), live: Self.db()))
    let db = try #require(plan.object(kind: "StatefulSet", namespace: "shop", name: "db"))
    #expect(db.action == .update)
    #expect(db.impacts.map(\.kind) == [.rollsPods])
  }

  static func claim(_ size: String, storageClass: String = "fast") -> String {
    """
    apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: {name: data, namespace: shop}
    spec:
      accessModes: [ReadWriteOnce]
      storageClassName: \(storageClass)
      resources: {requests: {storage: \(size)}}
    """
  }

  @Test("a PVC storage request may grow in place (ValidatePersistentVolumeClaimUpdate)")
  func pvcGrowth() throws {
    let plan = PlanBuilder().plan(changes(desired: Self.claim("20Gi"), live: Self.claim("10Gi")))
    #expect(plan.objects[0].action == .update)
    #expect(plan.objects[0].impacts.isEmpty)
  }

  @Test("storage requests compare by value: 10240Mi after 10Gi is no shrink")
  func pvcSameSizeOtherUnit() throws {
    let plan = PlanBuilder().plan(changes(desired: Self.claim("10240Mi"), live: Self.claim("10Gi")))
    #expect(plan.objects[0].action == .update)
  }

  @Test(
    "a PVC storage request may not shrink (ValidatePersistentVolumeClaimUpdate: can not be less than previous value)"
  )
  func pvcShrink() throws {
    let plan = PlanBuilder().plan(changes(desired: Self.claim("5Gi"), live: Self.claim("10Gi")))
    let claim = plan.objects[0]
    #expect(claim.action == .replace)
    #expect(claim.violations.map(\.rule.id) == ["pvc-storage-shrink"])
    #expect(claim.impacts.map(\.kind) == [.dataAtRisk])
  }

  @Test("any other PVC spec change is a replace (spec is immutable after creation)")
  func pvcStorageClass() throws {
    let plan = PlanBuilder().plan(
      changes(desired: Self.claim("10Gi", storageClass: "slow"), live: Self.claim("10Gi")))
    #expect(plan.objects[0].action == .replace)
    #expect(plan.objects[0].violations.map(\.rule.id) == ["pvc-spec"])
  }

  static func service(type: String, clusterIP: String?) -> String {
    """
    apiVersion: v1
    kind: Service
    metadata: {name: web, namespace: shop}
    spec:
      type: \(type)
      \(clusterIP.map { "clusterIP: \($0)" } ?? "externalName: web.example.com")
      ports: [{port: 80}]
    """
  }

  @Test(
    "a Service clusterIP change is a replace, except to or from ExternalName (ValidateServiceUpdate)"
  )
  func serviceClusterIP() throws {
    let moved = PlanBuilder().plan(
      changes(
        desired: Self.service(type: "ClusterIP", clusterIP: "10.0.0.2"),
        live: Self.service(type: "ClusterIP", clusterIP: "10.0.0.1")))
    #expect(moved.objects[0].action == .replace)
    #expect(moved.objects[0].violations.map(\.rule.id) == ["service-cluster-ip"])
    #expect(moved.objects[0].impacts.map(\.kind) == [.downtime])

    let external = PlanBuilder().plan(
      changes(
        desired: Self.service(type: "ExternalName", clusterIP: nil),
        live: Self.service(type: "ClusterIP", clusterIP: "10.0.0.1")))
    #expect(external.objects[0].action == .update)
  }

  static func config(immutable: Bool, value: String) -> String {
    """
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: flags, namespace: shop}
    immutable: \(immutable)
    data: {mode: \(value)}
    """
  }

  @Test("an immutable ConfigMap's data change is a replace (ValidateConfigMapUpdate)")
  func immutableConfigMap() {
    let frozen = PlanBuilder().plan(
      changes(
        desired: Self.config(immutable: true, value: "b"),
        live: Self.config(immutable: true, value: "a")))
    #expect(frozen.objects[0].action == .replace)
    #expect(frozen.objects[0].violations.map(\.rule.id) == ["configmap-immutable-data"])
    let plain = PlanBuilder().plan(
      changes(
        desired: Self.config(immutable: false, value: "b"),
        live: Self.config(immutable: false, value: "a")))
    #expect(plain.objects[0].action == .update)
  }

  @Test("a Job template change is a replace (ValidateJobSpecUpdate: spec.template)")
  func jobTemplate() {
    func job(_ image: String) -> String {
      """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate, namespace: shop}
      spec:
        template:
          spec:
            restartPolicy: Never
            containers: [{name: migrate, image: \(image)}]
      """
    }
    let plan = PlanBuilder().plan(changes(desired: job("tool:2"), live: job("tool:1")))
    #expect(plan.objects[0].action == .replace)
    #expect(plan.objects[0].violations.map(\.rule.id) == ["job-template"])
  }

  @Test(
    "a RoleBinding roleRef change is a replace (ValidateRoleBindingUpdate: cannot change roleRef)")
  func roleRef() {
    func binding(_ role: String) -> String {
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: read, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: \(role)}
      subjects: [{kind: ServiceAccount, name: web}]
      """
    }
    let plan = PlanBuilder().plan(changes(desired: binding("writer"), live: binding("reader")))
    #expect(plan.objects[0].action == .replace)
  }

  @Test("every table row names the upstream validation it mirrors, and ids are unique")
  func tableIsDocumented() {
    let ids = ImmutableFields.rules.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ImmutableFields.rules.allSatisfy { $0.upstream.hasPrefix("pkg/") })
  }
}
