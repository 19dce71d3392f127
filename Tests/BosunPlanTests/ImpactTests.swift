import BosunCore
import BosunModel
import Testing

@testable import BosunPlan

@Suite("Impacts")
struct ImpactTests {
  @Test(
    "an image change rolls pods and names the field (deployment controller: a template change makes a new ReplicaSet)"
  )
  func imageRollsPods() throws {
    let plan = PlanBuilder().plan(
      changes(desired: deployment(image: "shop/web:1.1"), live: deployment()))
    let web = try #require(plan.object(kind: "Deployment", namespace: "shop", name: "web"))
    #expect(web.action == .update)
    #expect(web.impacts.map(\.kind) == [.rollsPods])
    #expect(web.impacts[0].pointers == ["/spec/template/spec/containers/0/image"])
    #expect(web.impacts[0].detail.contains("/spec/containers/0/image"))
  }

  @Test(
    "a template change under strategy Recreate also means downtime (deployment controller: recreate.go)"
  )
  func recreateDowntime() throws {
    let plan = PlanBuilder().plan(
      changes(
        desired: deployment(image: "shop/web:1.1", strategy: "Recreate"),
        live: deployment(strategy: "Recreate")))
    #expect(plan.objects[0].impacts.map(\.kind) == [.rollsPods, .downtime])
  }

  @Test(
    "a replicas change is scale only (deployment controller: scaling keeps the current ReplicaSet)")
  func replicasScaleOnly() throws {
    let plan = PlanBuilder().plan(changes(desired: deployment(replicas: 5), live: deployment()))
    let web = try #require(plan.object(kind: "Deployment", namespace: "shop", name: "web"))
    #expect(web.action == .update)
    #expect(web.impacts.map(\.kind) == [.scaleOnly])
  }

  @Test("a label change on the object alone is metadata only")
  func metadataOnly() throws {
    let desired = deployment().replacingOccurrences(
      of: "metadata: {name: web, namespace: shop}",
      with: "metadata: {name: web, namespace: shop, labels: {team: a}}")
    let plan = PlanBuilder().plan(changes(desired: desired, live: deployment()))
    #expect(plan.objects[0].impacts.map(\.kind) == [.metadataOnly])
  }

  static func webConfig(_ level: String) -> String {
    """
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: web-config, namespace: shop}
    data: {LOG_LEVEL: \(level)}
    """
  }

  @Test(
    "a ConfigMap change read through envFrom warns that the Deployment's pods will not restart (kubelet resolves env only at container start)"
  )
  func configMapConsumersNotRestarted() throws {
    let plan = PlanBuilder().plan(
      changes(
        desired: Self.webConfig("debug") + "\n---\n" + deployment(),
        live: Self.webConfig("info") + "\n---\n" + deployment()))
    let config = try #require(plan.object(kind: "ConfigMap", namespace: "shop", name: "web-config"))
    #expect(config.action == .update)
    let warning = try #require(config.impacts.first { $0.kind == .podsNotRestarted })
    #expect(warning.objects.map(\.description) == ["Deployment/shop/web"])
    #expect(warning.pointers == ["/data/LOG_LEVEL"])
    #expect(warning.detail.contains("envFrom"))
  }

  @Test("no such warning when the consumer rolls anyway in the same plan")
  func configMapConsumersRolling() throws {
    let plan = PlanBuilder().plan(
      changes(
        desired: Self.webConfig("debug") + "\n---\n" + deployment(image: "shop/web:2"),
        live: Self.webConfig("info") + "\n---\n" + deployment()))
    let config = try #require(plan.object(kind: "ConfigMap", namespace: "shop", name: "web-config"))
    #expect(config.impacts.isEmpty)
  }

  @Test("a template that switches to a new ConfigMap name rolls pods and names the reference")
  func renamedConfigMap() throws {
    let desired = deployment().replacingOccurrences(
      of: "name: web-config", with: "name: web-config-7f9c")
    let plan = PlanBuilder().plan(changes(desired: desired, live: deployment()))
    let rolls = try #require(plan.objects[0].impacts.first { $0.kind == .rollsPods })
    #expect(rolls.detail.contains("now reads ConfigMap web-config-7f9c"))
    #expect(rolls.detail.contains("no longer reads ConfigMap web-config"))
  }

  @Test(
    "a StatefulSet template change under updateStrategy OnDelete restarts no pod (statefulset controller: OnDelete waits for manual deletes)"
  )
  func onDelete() throws {
    let live = ActionTests.db().replacingOccurrences(
      of: "serviceName: db", with: "serviceName: db\n  updateStrategy: {type: OnDelete}")
    let desired = live.replacingOccurrences(of: "postgres:16", with: "postgres:17")
    let plan = PlanBuilder().plan(changes(desired: desired, live: live))
    #expect(plan.objects[0].action == .update)
    #expect(plan.objects[0].impacts.map(\.kind) == [.podsNotRestarted])
  }

  @Test("pruning a PVC or a Namespace puts data at risk")
  func pruneDataAtRisk() throws {
    let live = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: old
        annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
      ---
      \(ActionTests.claim("1Gi").replacingOccurrences(of: "metadata: {name: data, namespace: shop}", with: "metadata: {name: data, namespace: shop, labels: {app: shop}}"))
      """
    let plan = PlanBuilder(pruneScope: .lastApplied).plan(changes(desired: "", live: live))
    #expect(plan.object(kind: "Namespace", name: "old")?.action == .delete)
    #expect(plan.object(kind: "Namespace", name: "old")?.impacts.map(\.kind) == [.dataAtRisk])
    let scoped = PlanBuilder(
      pruneScope: .selector(try #require(PruneScope.parseSelector("app=shop")))
    )
    .plan(changes(desired: "", live: live))
    let claim = try #require(
      scoped.object(kind: "PersistentVolumeClaim", namespace: "shop", name: "data"))
    #expect(claim.action == .delete)
    #expect(claim.impacts.map(\.kind) == [.dataAtRisk])
  }
}
