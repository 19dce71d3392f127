import BosunCore
import BosunModel
import Testing

@testable import BosunPlan

@Suite("Ordering and prune")
struct OrderingTests {
  static let shop = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: shop
      annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          serviceAccountName: web
          containers:
          - name: web
            image: shop/web:1
            envFrom: [{secretRef: {name: web-secret}}]
          volumes:
          - {name: cache, persistentVolumeClaim: {claimName: cache}}
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata:
      name: web-read
      namespace: shop
      annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
    subjects: [{kind: ServiceAccount, name: web, namespace: shop}]
    ---
    apiVersion: v1
    kind: Namespace
    metadata:
      name: shop
      annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
    ---
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: web
      namespace: shop
      annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
    ---
    apiVersion: v1
    kind: Secret
    metadata:
      name: web-secret
      namespace: shop
      annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
    ---
    apiVersion: v1
    kind: PersistentVolumeClaim
    metadata:
      name: cache
      namespace: shop
      annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata:
      name: reader
      annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
    rules: []
    """

  @Test(
    "a namespace and its contents are created in dependency order (Namespace first, then what the Deployment reads, then the Deployment)"
  )
  func createOrder() throws {
    let plan = PlanBuilder().plan(changes(desired: Self.shop, live: ""))
    #expect(
      describe(plan.steps) == [
        "create Namespace/shop", "create ServiceAccount/web", "create Secret/web-secret",
        "create PersistentVolumeClaim/cache", "create ClusterRole/reader",
        "create RoleBinding/web-read", "create Deployment/web",
      ])
    let index = { (kind: String) in plan.steps.firstIndex { $0.identity.kind == kind }! }
    let deploymentStep = plan.steps[index("Deployment")]
    #expect(
      Set(deploymentStep.dependsOn)
        == [
          index("Namespace"), index("ServiceAccount"), index("Secret"),
          index("PersistentVolumeClaim"),
        ])
    #expect(
      plan.steps[index("RoleBinding")].dependsOn == [index("Namespace"), index("ClusterRole")])
    #expect(plan.diagnostics.isEmpty)
  }

  @Test(
    "pruning the same set deletes in the reverse order: users before what they use, the Namespace last"
  )
  func deleteOrder() throws {
    let plan = PlanBuilder().plan(changes(desired: "", live: Self.shop))
    #expect(
      describe(plan.steps) == [
        "delete Deployment/web", "delete RoleBinding/web-read", "delete ClusterRole/reader",
        "delete PersistentVolumeClaim/cache", "delete Secret/web-secret",
        "delete ServiceAccount/web", "delete Namespace/shop",
      ])
  }

  @Test("the same input gives the same order whatever order the changes come in")
  func deterministic() {
    let forward = changes(desired: Self.shop, live: "")
    #expect(
      describe(PlanBuilder().plan(forward).steps)
        == describe(PlanBuilder().plan(forward.reversed()).steps))
  }

  @Test(
    "a removed object is pruned only within scope (kubectl apply/prune.go: only objects with last-applied-configuration)"
  )
  func pruneOnlyWithinScope() throws {
    let live = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: applied
        namespace: shop
        labels: {app: shop}
        annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: foreign, namespace: shop, labels: {app: other}}
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-5d9c
        namespace: shop
        labels: {app: shop}
        ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1}]
        annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
      """
    let byAnnotation = PlanBuilder(pruneScope: .lastApplied).plan(changes(desired: "", live: live))
    #expect(
      byAnnotation.object(kind: "ConfigMap", namespace: "shop", name: "applied")?.action == .delete)
    #expect(
      byAnnotation.object(kind: "ConfigMap", namespace: "shop", name: "foreign")?.action
        == .unchanged)
    #expect(
      byAnnotation.object(kind: "ReplicaSet", namespace: "shop", name: "web-5d9c")?.action
        == .unchanged)
    #expect(describe(byAnnotation.steps) == ["delete ConfigMap/applied"])

    let selector = try #require(PruneScope.parseSelector("app in (other)"))
    let bySelector = PlanBuilder(pruneScope: .selector(selector)).plan(
      changes(desired: "", live: live))
    #expect(describe(bySelector.steps) == ["delete ConfigMap/foreign"])

    let off = PlanBuilder(pruneScope: .none).plan(changes(desired: "", live: live))
    #expect(off.steps.isEmpty)
  }

  @Test("prune deletes come after every create and update")
  func pruneAfterUpserts() {
    let desired = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: next}
      """
    let live = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: old
        namespace: shop
        annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}
      """
    let plan = PlanBuilder().plan(changes(desired: desired, live: live))
    #expect(describe(plan.steps) == ["create Namespace/next", "delete ConfigMap/old"])
  }

  @Test(
    "a replaced ConfigMap is deleted and re-created before the Deployment that reads it is updated")
  func replaceOrder() {
    func set(_ value: String, image: String) -> String {
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: web-config, namespace: shop}
      immutable: true
      data: {mode: \(value)}
      ---
      \(deployment(image: image))
      """
    }
    let plan = PlanBuilder().plan(
      changes(desired: set("b", image: "shop/web:2"), live: set("a", image: "shop/web:1")))
    #expect(
      describe(plan.steps) == [
        "delete ConfigMap/web-config", "create ConfigMap/web-config", "update Deployment/web",
      ])
    #expect(plan.steps[2].dependsOn == [1])
    #expect(plan.steps[1].dependsOn == [0])
  }

  @Test("a dependency cycle is reported with the objects on it, and every step is still planned")
  func cycle() throws {
    let desired = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: a
        namespace: shop
        annotations: {bosun.dev/depends-on: ConfigMap/b}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: b
        namespace: shop
        annotations: {bosun.dev/depends-on: ConfigMap/a}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c, namespace: shop, annotations: {bosun.dev/depends-on: ConfigMap/b}}
      """
    let plan = PlanBuilder().plan(changes(desired: desired, live: ""))
    let diagnostic = try #require(plan.diagnostics.first)
    #expect(plan.diagnostics.count == 1)
    #expect(diagnostic.code == "plan.dependency-cycle")
    #expect(diagnostic.severity == .error)
    #expect(diagnostic.message.contains("ConfigMap/shop/a → ConfigMap/shop/b → ConfigMap/shop/a"))
    #expect(
      describe(plan.steps) == ["create ConfigMap/a", "create ConfigMap/b", "create ConfigMap/c"])
    #expect(
      PlanJSON.value(of: plan).value(at: "/diagnostics/0/code") == .string("plan.dependency-cycle"))
  }

  @Test("the graph breaks a cycle at its highest-priority node and never loops")
  func graphCycle() {
    var graph = DependencyGraph(nodeCount: 4)
    graph.addEdge(from: 0, to: 1)
    graph.addEdge(from: 1, to: 2)
    graph.addEdge(from: 2, to: 0)
    graph.addEdge(from: 3, to: 0)
    let (order, cycles) = graph.order(by: <)
    #expect(order == [3, 0, 1, 2])
    #expect(cycles == [[0, 1, 2]])
  }

  @Test("label selectors parse the kubectl syntax")
  func selectors() throws {
    let selector = try #require(
      PruneScope.parseSelector("app=web,tier!=db,env in (prod, staging),!legacy,owner"))
    #expect(selector.matches(["app": "web", "tier": "fe", "env": "prod", "owner": "x"]))
    #expect(!selector.matches(["app": "web", "tier": "db", "env": "prod", "owner": "x"]))
    #expect(!selector.matches(["app": "web", "env": "prod", "owner": "x", "legacy": "1"]))
    #expect(PruneScope.parseSelector("app in prod") == nil)
  }
}

extension OrderingTests {
  @Test("a depends-on annotation naming nothing known is a warning, not an edge")
  func unknownDependency() throws {
    let desired = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: a
        namespace: shop
        annotations: {bosun.dev/depends-on: Secret/missing}
      """
    let plan = PlanBuilder().plan(changes(desired: desired, live: ""))
    #expect(plan.diagnostics.map(\.code) == ["plan.unknown-dependency"])
    #expect(plan.diagnostics.first?.severity == .warning)
    #expect(plan.steps.count == 1)
  }
}

extension OrderingTests {
  static let crd = """
    apiVersion: stable.example.com/v1
    kind: CronTab
    metadata: {name: nightly, namespace: shop}
    spec: {cronSpec: "0 3 * * *"}
    ---
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata: {name: crontabs.stable.example.com}
    spec:
      group: stable.example.com
      scope: Namespaced
      names: {kind: CronTab, plural: crontabs}
      versions: [{name: v1, served: true, storage: true}]
    """

  @Test(
    "a CRD is created before its custom resources and pruned after them (Argo CD sync_tasks: CRDs before their CRs)"
  )
  func crdBeforeCustomResources() {
    let created = PlanBuilder().plan(changes(desired: Self.crd, live: ""))
    #expect(
      describe(created.steps) == [
        "create CustomResourceDefinition/crontabs.stable.example.com", "create CronTab/nightly",
      ])
    #expect(created.steps[1].dependsOn == [0])
    let pruned = PlanBuilder(pruneScope: .selector(LabelSelector())).plan(
      changes(desired: "", live: Self.crd))
    #expect(
      describe(pruned.steps) == [
        "delete CronTab/nightly", "delete CustomResourceDefinition/crontabs.stable.example.com",
      ])
  }
}
