import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Scheduler inter-pod affinity and topology spread")
struct SchedulerInterPodTests {
  typealias S = SchedulingSupport
  let scheduler = Scheduler()

  private func zonedNodes() -> [NodeState] {
    [
      S.node("a1", labels: ["zone": "a"]), S.node("a2", labels: ["zone": "a"]),
      S.node("b1", labels: ["zone": "b"]), S.node("c1", labels: ["zone": "c"]),
    ]
  }

  private let web = ["app": "web"]

  private func spread(maxSkew: Int, minDomains: Int? = nil, soft: Bool = false) throws
    -> SchedulingRequest
  {
    let minDomainsText = minDomains.map { ", minDomains: \($0)" } ?? ""
    let when = soft ? "ScheduleAnyway" : "DoNotSchedule"
    return try S.request(
      spec: """
          topologySpreadConstraints:
          - {maxSkew: \(maxSkew), topologyKey: zone, whenUnsatisfiable: \(when), labelSelector: {matchLabels: {app: web}}\(minDomainsText)}
          containers: [{name: a, image: a}]
        """, labels: web)
  }

  @Test(
    "DoNotSchedule: count(domain) + selfMatch − globalMin ≤ maxSkew (plugins/podtopologyspread/filtering.go)"
  )
  func spreadSkew() throws {
    var nodes = zonedNodes()
    nodes[0].add(try S.resident(1, labels: web))
    nodes[2].add(try S.resident(2, labels: web))
    let request = try spread(maxSkew: 1)
    let verdicts = scheduler.explain(request, nodes: nodes)
    // zone a and b hold one each, c none: only c keeps the skew at 1.
    #expect(verdicts.map(\.isFeasible) == [false, false, false, true])
    #expect(
      verdicts[0].failures.first?.reasons == [
        "node(s) didn't match pod topology spread constraints"
      ])
    #expect(scheduler.schedule(request, nodes: nodes).nodeName == "c1")
    // Terminating pods and other namespaces are not counted.
    nodes[0].markTerminating(podID: 1)
    nodes[2].remove(podID: 2)
    nodes[2].add(try S.resident(2, labels: web, namespace: "other"))
    #expect(scheduler.explain(request, nodes: nodes).allSatisfy { $0.isFeasible })
  }

  @Test(
    "a node without the topology key fails as missing the required label (plugins/podtopologyspread/filtering.go)"
  )
  func spreadMissingLabel() throws {
    let nodes = zonedNodes() + [S.node("bare")]
    let verdict = try #require(scheduler.explain(try spread(maxSkew: 1), nodes: nodes).last)
    #expect(
      verdict.failures.first?.reasons == [
        "node(s) didn't match pod topology spread constraints (missing required label)"
      ])
    #expect(verdict.failures.first?.unresolvable == true)
  }

  @Test(
    "with fewer eligible domains than minDomains the global minimum is 0 (podtopologyspread minMatchNum)"
  )
  func minDomains() throws {
    var nodes = Array(zonedNodes().prefix(3))
    nodes[0].add(try S.resident(1, labels: web))
    nodes[2].add(try S.resident(2, labels: web))
    // Two domains, both with one pod: the global minimum is 1 and any node fits.
    #expect(scheduler.explain(try spread(maxSkew: 1), nodes: nodes).allSatisfy { $0.isFeasible })
    // minDomains 3 treats the minimum as 0: 1 + 1 − 0 > 1 everywhere.
    let strict = scheduler.schedule(try spread(maxSkew: 1, minDomains: 3), nodes: nodes)
    #expect(
      strict.message.hasPrefix(
        "0/3 nodes are available: 3 node(s) didn't match pod topology spread constraints."))
  }

  @Test("domains come only from nodes matching the pod's node affinity (nodeAffinityPolicy Honor)")
  func spreadHonorsNodeAffinity() throws {
    var nodes = zonedNodes()
    nodes[3].node.labels["pool"] = "batch"
    nodes[0].add(try S.resident(1, labels: web))
    nodes[2].add(try S.resident(2, labels: web))
    var request = try spread(maxSkew: 1)
    // Without zone c the minimum is 1 and zones a and b fit again.
    request.constraints.nodeSelector = ["pool": "general"]
    for index in 0..<3 { nodes[index].node.labels["pool"] = "general" }
    #expect(
      scheduler.explain(request, nodes: nodes).map(\.isFeasible) == [true, true, true, false])
  }

  @Test(
    "ScheduleAnyway prefers the domain with fewer matching pods (plugins/podtopologyspread/scoring.go)"
  )
  func spreadScore() throws {
    var nodes = zonedNodes()
    nodes[0].add(try S.resident(1, labels: web))
    nodes[1].add(try S.resident(2, labels: web))
    nodes[2].add(try S.resident(3, labels: web))
    let verdicts = scheduler.explain(try spread(maxSkew: 1, soft: true), nodes: nodes)
    let spreadScores = verdicts.map { $0.scores.first { $0.plugin == .podTopologySpread } }
    // Three zones: weight log(5); zone a has 2 pods (round(3.22) = 3), b 1 (2), c 0 (0).
    #expect(spreadScores.map { $0?.raw } == [3, 3, 2, 0])
    #expect(spreadScores.map { $0?.normalized } == [0, 0, 33, 100])
    #expect(scheduler.schedule(try spread(maxSkew: 1, soft: true), nodes: nodes).nodeName == "c1")
  }

  private func antiAffinity(_ key: String = "kubernetes.io/hostname") throws -> SchedulingRequest {
    try S.request(
      spec: """
          affinity:
            podAntiAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - {labelSelector: {matchLabels: {app: web}}, topologyKey: \(key)}
          containers: [{name: a, image: a}]
        """, labels: web)
  }

  @Test(
    "required anti-affinity rejects a domain holding a matching pod (plugins/interpodaffinity/filtering.go)"
  )
  func antiAffinityFilter() throws {
    var nodes = zonedNodes()
    nodes[0].add(try S.resident(1, labels: web))
    let byZone = scheduler.explain(try antiAffinity("zone"), nodes: nodes)
    #expect(byZone.map(\.isFeasible) == [false, false, true, true])
    #expect(byZone[1].failures.first?.reasons == ["node(s) didn't match pod anti-affinity rules"])
    let byHost = scheduler.explain(try antiAffinity(), nodes: nodes)
    #expect(byHost.map(\.isFeasible) == [false, true, true, true])
  }

  @Test(
    "an existing pod's required anti-affinity keeps matching pods out of its domain (symmetry, interpodaffinity satisfyExistingPodsAntiAffinity)"
  )
  func antiAffinitySymmetry() throws {
    var nodes = zonedNodes()
    nodes[2].add(S.resident(1, from: try antiAffinity("zone")))
    let plain = try S.request(milliCPU: 100, labels: web)
    let verdicts = scheduler.explain(plain, nodes: nodes)
    #expect(verdicts.map(\.isFeasible) == [true, true, false, true])
    #expect(
      verdicts[2].failures.first?.reasons == [
        "node(s) didn't satisfy existing pods anti-affinity rules"
      ])
    // A pod the term does not select is not kept out.
    #expect(
      scheduler.explain(try S.request(milliCPU: 100), nodes: nodes).allSatisfy { $0.isFeasible })
  }

  private func affinity() throws -> SchedulingRequest {
    try S.request(
      spec: """
          affinity:
            podAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - {labelSelector: {matchLabels: {app: cache}}, topologyKey: zone}
          containers: [{name: a, image: a}]
        """, labels: web)
  }

  @Test(
    "required affinity needs a matching pod in the node's domain (plugins/interpodaffinity/filtering.go)"
  )
  func affinityFilter() throws {
    var nodes = zonedNodes()
    nodes[1].add(try S.resident(1, labels: ["app": "cache"]))
    let verdicts = scheduler.explain(try affinity(), nodes: nodes)
    #expect(verdicts.map(\.isFeasible) == [true, true, false, false])
    #expect(verdicts[2].failures.first?.reasons == ["node(s) didn't match pod affinity rules"])
    #expect(verdicts[2].failures.first?.unresolvable == true)
  }

  @Test(
    "the first pod of a self-affine group may go anywhere when nothing matches yet (interpodaffinity satisfyPodAffinity)"
  )
  func firstPodException() throws {
    let selfAffine = try S.request(
      spec: """
          affinity:
            podAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - {labelSelector: {matchLabels: {app: web}}, topologyKey: zone}
          containers: [{name: a, image: a}]
        """, labels: web)
    #expect(scheduler.explain(selfAffine, nodes: zonedNodes()).allSatisfy { $0.isFeasible })
    // A pod that does not match its own term gets no exception.
    #expect(scheduler.explain(try affinity(), nodes: zonedNodes()).allSatisfy { !$0.isFeasible })
  }

  @Test(
    "preferred anti-affinity scores down domains holding matching pods (plugins/interpodaffinity/scoring.go)"
  )
  func preferredAntiAffinityScore() throws {
    var nodes = zonedNodes()
    nodes[0].add(try S.resident(1, labels: web))
    let request = try S.request(
      spec: """
          affinity:
            podAntiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 50
                podAffinityTerm: {labelSelector: {matchLabels: {app: web}}, topologyKey: zone}
          containers: [{name: a, image: a}]
        """, labels: web)
    let verdicts = scheduler.explain(request, nodes: nodes)
    let scores = verdicts.map { $0.scores.first { $0.plugin == .interPodAffinity } }
    #expect(scores.map { $0?.raw } == [-50, -50, 0, 0])
    #expect(scores.map { $0?.normalized } == [0, 0, 100, 100])
    #expect(scheduler.schedule(request, nodes: nodes).nodeName == "b1")
  }
}
