import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Scheduler shortcuts agree with the full filters and scores")
struct SchedulerFastPathTests {
  typealias S = SchedulingSupport

  /// Twelve nodes in name order: mixed sizes, PreferNoSchedule and NoSchedule taints, one
  /// cordoned, one not Ready.
  static func cluster() -> [NodeState] {
    (0..<12).map { index in
      var taints: [ClusterNode.Taint] = []
      if index % 4 == 1 { taints.append(.init(key: "spot", effect: "PreferNoSchedule")) }
      if index == 6 { taints.append(.init(key: "dedicated", value: "batch", effect: "NoSchedule")) }
      return S.node(
        index < 10 ? "node-0\(index)" : "node-\(index)", milliCPU: index % 3 == 0 ? 8000 : 4000,
        memory: (index % 2 == 0 ? 16 : 8) * S.gibibyte,
        labels: ["zone": "z\(index % 3)"], taints: taints, unschedulable: index == 9,
        ready: index != 10)
    }
  }

  static func requests() throws -> [SchedulingRequest] {
    [
      try S.request(milliCPU: 500, memory: S.gibibyte),
      try S.request(spec: "  containers: [{name: a, image: a}]"),
      try S.request(
        spec: """
            affinity:
              nodeAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                - weight: 10
                  preference: {matchExpressions: [{key: zone, operator: In, values: [z1]}]}
            containers: [{name: a, image: a, resources: {requests: {cpu: 250m}}}]
          """),
      try S.request(
        spec: """
            tolerations: [{key: spot, operator: Exists, effect: PreferNoSchedule}]
            containers:
            - {name: a, image: a, ports: [{containerPort: 80, hostPort: 8080}],
               resources: {requests: {cpu: 300m, memory: 512Mi}}}
          """),
    ]
  }

  @Test("Name-ordered ties, the summary filters and the one-pass totals pick what explain scores")
  func sameChoices() throws {
    var nodes = Self.cluster()
    let byName = Scheduler(reportsTies: true, nodesInNameOrder: true)
    let requests = try Self.requests()
    for id in 1...120 {
      let request = requests[id % requests.count]
      let result = Scheduler().schedule(request, nodes: nodes)
      let ordered = byName.schedule(request, nodes: nodes)
      #expect(ordered.nodeIndex == result.nodeIndex)
      #expect(ordered.score == result.score)
      #expect(ordered.tiedNodeNames == result.tiedNodeNames)
      #expect(ordered.feasibleNodeCount == result.feasibleNodeCount)
      #expect(ordered.message == result.message)
      let verdicts = Scheduler().explain(request, nodes: nodes)
      #expect(verdicts.filter(\.isFeasible).count == result.feasibleNodeCount)
      guard let index = result.nodeIndex else { continue }
      let best = verdicts.compactMap(\.totalScore).max()
      #expect(verdicts[index].totalScore == result.score)
      #expect(result.score == best)
      let first = verdicts.firstIndex { $0.totalScore != nil && $0.totalScore == best }
      #expect(first == index)
      nodes[index].add(S.resident(id, from: request))
    }
  }

  @Test("Changing a node through `node` reaches the filters")
  func summaryFollowsNode() throws {
    var nodes = [S.node("a"), S.node("b", milliCPU: 2000)]
    let request = try S.request(milliCPU: 100)
    let scheduler = Scheduler(nodesInNameOrder: true)
    #expect(scheduler.schedule(request, nodes: nodes).nodeName == "a")
    nodes[0].node.unschedulable = true
    #expect(scheduler.schedule(request, nodes: nodes).nodeName == "b")
    nodes[0].node.unschedulable = false
    nodes[0].node.ready = false
    #expect(scheduler.schedule(request, nodes: nodes).nodeName == "b")
    nodes[0].node.ready = true
    nodes[0].node.taints = [.init(key: "k", effect: "NoSchedule")]
    #expect(scheduler.schedule(request, nodes: nodes).nodeName == "b")
    nodes[0].node.taints = []
    nodes[0].node.allocatable.milliCPU = 50
    #expect(scheduler.schedule(request, nodes: nodes).nodeName == "b")
    nodes[1].add(try S.resident(1, milliCPU: 1950))
    #expect(scheduler.schedule(request, nodes: nodes).nodeName == nil)
    nodes[1].remove(podID: 1)
    #expect(scheduler.schedule(request, nodes: nodes).nodeName == "b")
  }
}
