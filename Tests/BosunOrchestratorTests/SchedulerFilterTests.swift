import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Scheduler filters")
struct SchedulerFilterTests {
  typealias S = SchedulingSupport
  let scheduler = Scheduler()

  private func failure(_ request: SchedulingRequest, on node: NodeState) -> FilterFailure? {
    scheduler.explain(request, nodes: [node]).first?.failures.first
  }

  @Test(
    "a cordoned node is filtered unless the pod tolerates the unschedulable taint (plugins/nodeunschedulable/node_unschedulable.go)"
  )
  func cordoned() throws {
    let cordoned = S.node("a", unschedulable: true)
    let plain = try S.request(milliCPU: 100)
    #expect(failure(plain, on: cordoned)?.plugin == .nodeUnschedulable)
    #expect(failure(plain, on: cordoned)?.reasons == ["node(s) were unschedulable"])
    let tolerant = try S.request(
      spec: """
          tolerations: [{key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}]
          containers: [{name: a, image: a}]
        """)
    #expect(failure(tolerant, on: cordoned) == nil)
  }

  @Test("spec.nodeName admits only the named node (plugins/nodename/node_name.go)")
  func nodeName() throws {
    let request = try S.request(spec: "  nodeName: b\n  containers: [{name: a, image: a}]\n")
    #expect(failure(request, on: S.node("b")) == nil)
    let other = try #require(failure(request, on: S.node("a")))
    #expect(other.plugin == .nodeName)
    #expect(other.reasons == ["node(s) didn't match the requested node name"])
  }

  @Test(
    "NoSchedule and NoExecute taints must be tolerated, PreferNoSchedule need not (plugins/tainttoleration/taint_toleration.go)"
  )
  func taints() throws {
    let node = S.node(
      "a", taints: [ClusterNode.Taint(key: "dedicated", value: "db", effect: "NoSchedule")])
    let plain = try S.request(milliCPU: 100)
    let rejected = try #require(failure(plain, on: node))
    #expect(rejected.plugin == .taintToleration)
    #expect(rejected.reasons == ["node(s) had untolerated taint(s)"])
    #expect(rejected.detail == "dedicated=db:NoSchedule")
    #expect(rejected.unresolvable)
    let equal = try S.request(
      spec: """
          tolerations: [{key: dedicated, value: db, effect: NoSchedule}]
          containers: [{name: a, image: a}]
        """)
    #expect(failure(equal, on: node) == nil)
    let wrongValue = try S.request(
      spec: """
          tolerations: [{key: dedicated, value: web}]
          containers: [{name: a, image: a}]
        """)
    #expect(failure(wrongValue, on: node)?.plugin == .taintToleration)
    let exists = try S.request(
      spec: "  tolerations: [{operator: Exists}]\n  containers: [{name: a, image: a}]\n")
    #expect(failure(exists, on: node) == nil)
    let evicting = S.node("b", taints: [ClusterNode.Taint(key: "gone", effect: "NoExecute")])
    #expect(failure(plain, on: evicting)?.plugin == .taintToleration)
    let soft = S.node("c", taints: [ClusterNode.Taint(key: "spot", effect: "PreferNoSchedule")])
    #expect(failure(plain, on: soft) == nil)
  }

  @Test(
    "a node that is not Ready carries node.kubernetes.io/not-ready:NoSchedule (node lifecycle controller)"
  )
  func notReady() throws {
    let node = S.node("a", ready: false)
    let plain = try S.request(milliCPU: 100)
    #expect(failure(plain, on: node)?.detail == "node.kubernetes.io/not-ready=:NoSchedule")
    let tolerant = try S.request(
      spec: """
          tolerations: [{key: node.kubernetes.io/not-ready, operator: Exists}]
          containers: [{name: a, image: a}]
        """)
    #expect(failure(tolerant, on: node) == nil)
  }

  @Test(
    "nodeSelector and required node affinity must both hold; terms are ORed, expressions ANDed (plugins/nodeaffinity/node_affinity.go)"
  )
  func nodeAffinity() throws {
    let request = try S.request(
      spec: """
          nodeSelector: {disk: ssd}
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                - matchExpressions:
                  - {key: zone, operator: In, values: [a, b]}
                  - {key: gpu, operator: DoesNotExist}
                - matchExpressions:
                  - {key: cores, operator: Gt, values: ["32"]}
          containers: [{name: a, image: a}]
        """)
    #expect(failure(request, on: S.node("n", labels: ["disk": "ssd", "zone": "a"])) == nil)
    #expect(failure(request, on: S.node("n", labels: ["disk": "ssd", "cores": "64"])) == nil)
    let rejected = try #require(failure(request, on: S.node("n", labels: ["zone": "a"])))
    #expect(rejected.plugin == .nodeAffinity)
    #expect(rejected.reasons == ["node(s) didn't match Pod's node affinity/selector"])
    #expect(
      failure(request, on: S.node("n", labels: ["disk": "ssd", "zone": "a", "gpu": "1"])) != nil)
    #expect(failure(request, on: S.node("n", labels: ["disk": "ssd", "cores": "16"])) != nil)
    #expect(failure(request, on: S.node("n", labels: ["disk": "ssd", "zone": "c"])) != nil)
  }

  @Test(
    "node selector operators In, NotIn, Exists, DoesNotExist, Gt, Lt (component-helpers nodeaffinity)"
  )
  func operators() {
    typealias R = NodeSelectorTerm.Requirement
    #expect(R(key: "k", operator: .in, values: ["a"]).matches("a"))
    #expect(!R(key: "k", operator: .in, values: ["a"]).matches(nil))
    #expect(R(key: "k", operator: .notIn, values: ["a"]).matches(nil))
    #expect(!R(key: "k", operator: .notIn, values: ["a"]).matches("a"))
    #expect(R(key: "k", operator: .exists).matches(""))
    #expect(R(key: "k", operator: .doesNotExist).matches(nil))
    #expect(R(key: "k", operator: .greaterThan, values: ["5"]).matches("6"))
    #expect(!R(key: "k", operator: .greaterThan, values: ["5"]).matches("5"))
    #expect(!R(key: "k", operator: .greaterThan, values: ["5"]).matches("six"))
    #expect(R(key: "k", operator: .lessThan, values: ["5"]).matches("-1"))
    #expect(!R(key: "k", operator: .lessThan, values: ["5", "6"]).matches("1"))
    #expect(!NodeSelectorTerm().matches(labels: [:], name: "n"))
  }

  @Test(
    "matchFields metadata.name limits a DaemonSet pod to its node; other nodes did not pass PreFilter (schedule_one.go)"
  )
  func matchFields() throws {
    let request = try S.request(
      spec: """
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                - matchFields: [{key: metadata.name, operator: In, values: [b]}]
          containers: [{name: a, image: a, resources: {requests: {cpu: "8"}}}]
        """)
    let nodes = [S.node("a"), S.node("b"), S.node("c")]
    let result = scheduler.schedule(request, nodes: nodes)
    #expect(
      result.message
        == "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) "
        + "[NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful "
        + "for scheduling.")
    var fits = request
    fits.requests = PodRequests(requests: ResourceList(milliCPU: 100))
    #expect(scheduler.schedule(fits, nodes: nodes).nodeName == "b")
  }

  @Test(
    "host ports clash on protocol and port unless both bind different addresses (plugins/nodeports/node_ports.go)"
  )
  func hostPorts() throws {
    let web = try S.request(
      spec: "  containers: [{name: a, image: a, ports: [{containerPort: 80, hostPort: 8080}]}]\n")
    var node = S.node("a")
    #expect(failure(web, on: node) == nil)
    node.add(S.resident(1, from: web))
    let rejected = try #require(failure(web, on: node))
    #expect(rejected.plugin == .nodePorts)
    #expect(rejected.reasons == ["node(s) didn't have free ports for the requested pod ports"])
    #expect(!rejected.unresolvable)
    let udp = try S.request(
      spec: """
          containers: [{name: a, image: a, ports: [{containerPort: 80, hostPort: 8080, protocol: UDP}]}]
        """)
    #expect(failure(udp, on: node) == nil)
    #expect(
      !HostPort(port: 1, hostIP: "10.0.0.1").conflicts(with: HostPort(port: 1, hostIP: "10.0.0.2")))
    #expect(HostPort(port: 1, hostIP: "10.0.0.1").conflicts(with: HostPort(port: 1)))
    node.remove(podID: 1)
    #expect(failure(web, on: node) == nil)
  }

  @Test(
    "requests must fit allocatable minus residents' requests, terminating pods included (plugins/noderesources/fit.go)"
  )
  func resources() throws {
    var node = S.node("a", milliCPU: 1000, memory: S.gibibyte)
    node.add(try S.resident(1, milliCPU: 600))
    node.markTerminating(podID: 1)
    let request = try S.request(milliCPU: 500)
    let rejected = try #require(failure(request, on: node))
    #expect(rejected.plugin == .nodeResourcesFit)
    #expect(rejected.reasons == ["Insufficient cpu"])
    #expect(!rejected.unresolvable)
    #expect(failure(try S.request(milliCPU: 400), on: node) == nil)
    node.remove(podID: 1)
    #expect(failure(request, on: node) == nil)
    #expect(node.requested == .zero)
    let huge = try S.request(milliCPU: 2000, memory: 2 * S.gibibyte)
    let beyond = try #require(failure(huge, on: node))
    #expect(beyond.reasons == ["Insufficient cpu", "Insufficient memory"])
    #expect(beyond.unresolvable)
  }

  @Test("the pod count is limited by allocatable pods (plugins/noderesources/fit.go Too many pods)")
  func podCount() throws {
    var node = S.node("a", pods: 1)
    node.add(try S.resident(1))
    #expect(failure(try S.request(milliCPU: 0), on: node)?.reasons == ["Too many pods"])
  }

  @Test("extended resources are checked like cpu (plugins/noderesources/fit.go)")
  func extendedResources() throws {
    let gpu = try S.request(
      spec: """
          containers: [{name: a, image: a, resources: {limits: {nvidia.com/gpu: 1}}}]
        """)
    var state = S.node("a")
    #expect(failure(gpu, on: state)?.reasons == ["Insufficient nvidia.com/gpu"])
    state.node.allocatable.scalars["nvidia.com/gpu"] = 1
    #expect(failure(gpu, on: state) == nil)
  }
}
