import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Scheduler FitError messages")
struct SchedulerMessageTests {
  typealias S = SchedulingSupport
  let scheduler = Scheduler()

  private func mixedCluster(victimPriority: Int? = nil) throws -> [NodeState] {
    let taint = ClusterNode.Taint(key: "dedicated", value: "db", effect: "NoSchedule")
    var nodes = (1...2).map { S.node("db-\($0)", taints: [taint]) }
    for index in 1...4 {
      var node = S.node("app-\(index)", milliCPU: 2000)
      node.add(try S.resident(index, milliCPU: 1500, priority: victimPriority ?? 0))
      nodes.append(node)
    }
    return nodes
  }

  @Test(
    "the reasons are counted per node and sorted as strings (framework/types.go FitError.Error)")
  func mixedCluster() throws {
    let result = scheduler.schedule(try S.request(milliCPU: 1000), nodes: try mixedCluster())
    #expect(result.nodeIndex == nil)
    #expect(
      result.message
        == "0/6 nodes are available: 2 node(s) had untolerated taint(s), 4 Insufficient cpu. "
        + "preemption: 0/6 nodes are available: 2 Preemption is not helpful for scheduling, "
        + "4 No preemption victims found for incoming pod.")
  }

  @Test(
    "a request larger than a node's allocatable makes preemption unhelpful there (plugins/noderesources/fit.go Unresolvable)"
  )
  func beyondAllocatable() throws {
    let result = scheduler.schedule(try S.request(milliCPU: 3000), nodes: try mixedCluster())
    #expect(
      result.message
        == "0/6 nodes are available: 2 node(s) had untolerated taint(s), 4 Insufficient cpu. "
        + "preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.")
  }

  @Test(
    "when evicting lower-priority pods would make room, upstream preempts and adds no sentence (defaultpreemption SelectVictimsOnNode)"
  )
  func preemptionHelps() throws {
    let nodes = try mixedCluster(victimPriority: -10)
    let result = scheduler.schedule(try S.request(milliCPU: 1000), nodes: nodes)
    #expect(
      result.message
        == "0/6 nodes are available: 2 node(s) had untolerated taint(s), 4 Insufficient cpu.")
    #expect(result.preemptionCandidates == ["app-1", "app-2", "app-3", "app-4"])
  }

  @Test("each insufficient resource is its own reason, and counts sort bytewise (10 before 2)")
  func histogramOrder() throws {
    var nodes = (1...10).map { S.node("small-\($0)", milliCPU: 500, memory: 4 * S.gibibyte) }
    nodes += (1...2).map { S.node("tiny-\($0)", milliCPU: 500, memory: S.gibibyte / 2) }
    let result = scheduler.schedule(
      try S.request(milliCPU: 1000, memory: S.gibibyte), nodes: nodes)
    #expect(
      result.message
        == "0/12 nodes are available: 12 Insufficient cpu, 2 Insufficient memory. preemption: "
        + "0/12 nodes are available: 12 Preemption is not helpful for scheduling.")
  }

  @Test("only the first failing filter of a node is counted (framework/runtime RunFilterPlugins)")
  func firstFailureOnly() throws {
    let node = S.node("a", milliCPU: 100, unschedulable: true)
    let result = scheduler.schedule(try S.request(milliCPU: 1000), nodes: [node])
    #expect(result.message.hasPrefix("0/1 nodes are available: 1 node(s) were unschedulable."))
    let verdict = try #require(
      scheduler.explain(try S.request(milliCPU: 1000), nodes: [node]).first)
    #expect(verdict.failures.map(\.plugin) == [.nodeUnschedulable, .nodeResourcesFit])
  }

  @Test("an empty cluster has no nodes available (schedule_one.go ErrNoNodesAvailable)")
  func noNodes() throws {
    #expect(
      scheduler.schedule(try S.request(milliCPU: 1), nodes: []).message
        == "no nodes available to schedule pods")
  }
}
