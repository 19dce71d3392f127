import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Scheduler at cluster scale")
struct SchedulerScaleTests {
  typealias S = SchedulingSupport

  @Test(
    "2,000 pods onto 1,000 nodes: LeastAllocated fills evenly, and anti-affinity puts one replica per node"
  )
  func thousandNodes() throws {
    var nodes = (0..<1000).map { index in
      S.node(
        "node-\(String(index).leftPadded(to: 4))", milliCPU: 4000, memory: 16 * S.gibibyte,
        labels: ["topology.kubernetes.io/zone": "zone-\(index % 3)"])
    }
    let scheduler = Scheduler()
    let plain = try S.request(milliCPU: 500, memory: S.gibibyte, labels: ["app": "api"])
    var id = 0
    for _ in 0..<2000 {
      let result = scheduler.schedule(plain, nodes: nodes)
      let index = try #require(result.nodeIndex)
      id += 1
      nodes[index].add(S.resident(id, from: plain))
    }
    // LeastAllocated with equal nodes spreads exactly: two pods on every node.
    #expect(nodes.allSatisfy { $0.podCount == 2 })
    #expect(nodes.allSatisfy { $0.requested.milliCPU == 1000 })

    let replica = try S.request(
      spec: """
          affinity:
            podAntiAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - {labelSelector: {matchLabels: {app: db}}, topologyKey: kubernetes.io/hostname}
          containers: [{name: a, image: a, resources: {requests: {cpu: 100m}}}]
        """, labels: ["app": "db"])
    for _ in 0..<50 {
      let result = scheduler.schedule(replica, nodes: nodes)
      let index = try #require(result.nodeIndex)
      id += 1
      nodes[index].add(S.resident(id, from: replica))
    }
    let hosts = nodes.filter { $0.residents.contains { $0.labels["app"] == "db" } }
    #expect(hosts.count == 50)

    // Fill every node; the next pod fits nowhere and the message says why.
    let big = try S.request(milliCPU: 3500)
    let result = scheduler.schedule(big, nodes: nodes)
    #expect(result.nodeIndex == nil)
    #expect(
      result.message
        == "0/1000 nodes are available: 1000 Insufficient cpu. preemption: 0/1000 nodes are "
        + "available: 1000 No preemption victims found for incoming pod.")
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
