import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Scheduler scores")
struct SchedulerScoreTests {
  typealias S = SchedulingSupport

  private func nodes() throws -> [NodeState] {
    var busy = S.node("busy", milliCPU: 4000, memory: 8 * S.gibibyte)
    busy.add(try S.resident(1, milliCPU: 2000, memory: 4 * S.gibibyte))
    return [busy, S.node("idle", milliCPU: 4000, memory: 8 * S.gibibyte)]
  }

  @Test(
    "LeastAllocated spreads and MostAllocated packs (plugins/noderesources/least_allocated.go, most_allocated.go)"
  )
  func strategies() throws {
    let request = try S.request(milliCPU: 1000, memory: 2 * S.gibibyte)
    let least = Scheduler().schedule(request, nodes: try nodes())
    let most = Scheduler(strategy: .mostAllocated).schedule(request, nodes: try nodes())
    #expect(least.nodeName == "idle")
    #expect(most.nodeName == "busy")
  }

  @Test(
    "NodeResourcesFit scores from non-zero requests: (allocatable − requested) × 100 / allocatable, averaged"
  )
  func leastAllocatedValue() throws {
    let request = try S.request(milliCPU: 1000, memory: 2 * S.gibibyte)
    let verdicts = Scheduler().explain(request, nodes: try nodes())
    let fit = verdicts.map { $0.scores.first { $0.plugin == .nodeResourcesFit }?.normalized }
    // busy: cpu (4000−3000)·100/4000 = 25, memory (8−6)·100/8 = 25; idle: 75 and 75.
    #expect(fit == [25, 75])
    let most = Scheduler(strategy: .mostAllocated).explain(request, nodes: try nodes())
    #expect(
      most.map { $0.scores.first { $0.plugin == .nodeResourcesFit }?.normalized } == [75, 25])
    // A pod without requests counts as 100m and 200Mi when scoring.
    let empty = try S.request(spec: "  containers: [{name: a, image: a}]\n")
    let small = S.node("n", milliCPU: 1000, memory: S.gibibyte)
    let idle = try #require(Scheduler().explain(empty, nodes: [small]).first)
    // cpu (1000 − 100)·100/1000 = 90, memory (1024 − 200)·100/1024 = 80 (integer division).
    let score = idle.scores.first { $0.plugin == .nodeResourcesFit }?.normalized
    #expect(score == 85)
  }

  @Test(
    "balanced allocation is (1 − |f_cpu − f_memory| / 2) × 100 from real requests (plugins/noderesources/balanced_allocation.go)"
  )
  func balancedValue() throws {
    let node = S.node("n", milliCPU: 4000, memory: 8 * S.gibibyte)
    let request = try S.request(milliCPU: 3000, memory: 2 * S.gibibyte)
    let verdict = try #require(Scheduler().explain(request, nodes: [node]).first)
    // f_cpu = 0.75, f_memory = 0.25: std 0.25, score 75.
    #expect(
      verdict.scores.first { $0.plugin == .nodeResourcesBalancedAllocation }?.normalized == 75)
    let bestEffort = try S.request(spec: "  containers: [{name: a, image: a}]\n")
    let skipped = try #require(Scheduler().explain(bestEffort, nodes: [node]).first)
    #expect(skipped.scores.first { $0.plugin == .nodeResourcesBalancedAllocation }?.normalized == 0)
  }

  @Test(
    "equal totals go to the node whose name sorts first, and the tie is reported (schedule_one.go selectHost)"
  )
  func tieBreak() throws {
    let nodes = ["c", "a", "b"].map { S.node($0) }
    let result = Scheduler().schedule(try S.request(milliCPU: 100), nodes: nodes)
    #expect(result.nodeName == "a")
    #expect(result.nodeIndex == 1)
    #expect(result.tiedNodeNames == ["a", "b", "c"])
  }

  @Test(
    "untolerated PreferNoSchedule taints lower the TaintToleration score, weight 3 (DefaultNormalizeScore reversed)"
  )
  func preferNoSchedule() throws {
    let soft = ClusterNode.Taint(key: "spot", effect: "PreferNoSchedule")
    let nodes = [S.node("a", taints: [soft]), S.node("b")]
    let request = try S.request(milliCPU: 100)
    let verdicts = Scheduler().explain(request, nodes: nodes)
    let taint = verdicts.map { $0.scores.first { $0.plugin == .taintToleration } }
    #expect(taint.map { $0?.raw } == [1, 0])
    #expect(taint.map { $0?.normalized } == [0, 100])
    #expect(taint.map { $0?.weighted } == [0, 300])
    #expect(Scheduler().schedule(request, nodes: nodes).nodeName == "b")
  }

  @Test(
    "preferred node affinity sums matching weights, normalised by the largest (plugins/nodeaffinity/node_affinity.go Score)"
  )
  func preferredNodeAffinity() throws {
    let request = try S.request(
      spec: """
          affinity:
            nodeAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
              - {weight: 30, preference: {matchExpressions: [{key: zone, operator: In, values: [z]}]}}
              - {weight: 10, preference: {matchExpressions: [{key: ssd, operator: Exists}]}}
          containers: [{name: a, image: a}]
        """)
    let nodes = [
      S.node("a", labels: ["ssd": "1"]), S.node("b", labels: ["zone": "z", "ssd": "1"]),
      S.node("c"),
    ]
    let verdicts = Scheduler().explain(request, nodes: nodes)
    let affinity = verdicts.map { $0.scores.first { $0.plugin == .nodeAffinity } }
    #expect(affinity.map { $0?.raw } == [10, 40, 0])
    #expect(affinity.map { $0?.normalized } == [25, 100, 0])
    #expect(Scheduler().schedule(request, nodes: nodes).nodeName == "b")
  }

  @Test("explain lists each node's failing filters or its scores and total")
  func explain() throws {
    let nodes = [S.node("full", milliCPU: 100), S.node("free")]
    let verdicts = Scheduler().explain(try S.request(milliCPU: 500), nodes: nodes)
    #expect(verdicts.map(\.nodeName) == ["full", "free"])
    #expect(
      verdicts[0].failures == [
        FilterFailure(plugin: .nodeResourcesFit, reasons: ["Insufficient cpu"], unresolvable: true)
      ])
    #expect(verdicts[0].scores.isEmpty && verdicts[0].totalScore == nil)
    #expect(verdicts[1].scores.map(\.plugin) == SchedulingPlugin.scoring)
    #expect(verdicts[1].totalScore == verdicts[1].scores.map(\.weighted).reduce(0, +))
    #expect(
      verdicts[1].totalScore
        == Scheduler().schedule(try S.request(milliCPU: 500), nodes: nodes).score)
  }
}
