import BosunCore
import Testing

@testable import BosunOrchestrator

@Suite("Simulation report as HTML")
struct ReportHTMLTests {
  private func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test("one page with a chart per workload, the cluster chart and the node strips")
  func charts() {
    let html = SimulationHTML.render(ReportSupport.stalledRollout)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</html>\n"))
    #expect(occurrences("<svg", in: html) == 3 + 2)
    #expect(occurrences("<svg", in: html) == occurrences("</svg>", in: html))
    #expect(occurrences("aria-label=\"replicas of ", in: html) == 3)
    #expect(html.contains("stalled since 1m20s"))
    #expect(html.contains("deadline exceeded 5m20s"))
    #expect(html.contains("worker-3 failed"))
  }

  @Test("every string from the report is escaped")
  func escaping() {
    var report = ReportSupport.stalledRollout
    let hostile = "web<&\"'>"
    report.workloads[0].object.name = hostile
    report.workloads[0].strategy = "<script>alert(1)</script>"
    report.nodes[0].name = "node<&\">"
    report.events[0].message = "a & b < c \"d\""
    report.pending[0].message = "<b>bold</b>"
    let html = SimulationHTML.render(report)
    #expect(!html.contains(hostile))
    #expect(!html.contains("<script"))
    #expect(!html.contains("node<&"))
    #expect(!html.contains("<b>bold"))
    #expect(html.contains("web&lt;&amp;&quot;&#39;&gt;"))
    #expect(html.contains("a &amp; b &lt; c &quot;d&quot;"))
  }

  @Test("self-contained: no resources fetched from anywhere")
  func selfContained() {
    let html = SimulationHTML.render(ReportSupport.stalledRollout)
    #expect(!html.contains("http://"))
    #expect(!html.contains("https://"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("@import"))
  }

  @Test("a thousand nodes draw the 20 busiest and stay small")
  func largeCluster() {
    let small = SimulationHTML.render(ReportSupport.largeCluster(nodes: 20))
    let large = SimulationHTML.render(ReportSupport.largeCluster(nodes: 1000))
    #expect(large.utf8.count < 200_000)
    #expect(large.utf8.count - small.utf8.count < 2_000)
    #expect(large.contains("The 20 busiest nodes"))
    #expect(large.contains("980 more nodes not drawn"))
    #expect(occurrences("class=\"node\"", in: large) == 20)
  }

  @Test("the busiest nodes are ranked by peak utilisation, then by name")
  func busiest() {
    let nodes = [
      NodeUsage(
        name: "b", allocatable: ResourceList(milliCPU: 1000, memory: 1000),
        samples: [NodeUsage.Sample(time: 0, milliCPU: 500, memory: 0, pods: 0)]),
      NodeUsage(
        name: "a", allocatable: ResourceList(milliCPU: 1000, memory: 1000),
        samples: [NodeUsage.Sample(time: 0, milliCPU: 500, memory: 0, pods: 0)]),
      NodeUsage(
        name: "c", allocatable: ResourceList(milliCPU: 1000, memory: 1000),
        samples: [NodeUsage.Sample(time: 0, milliCPU: 0, memory: 900, pods: 0)]),
    ]
    let heatmap = NodeHeatmap(nodes: nodes, end: 10, shown: 2)
    #expect(heatmap.busiest.map(\.name) == ["c", "a"])
  }

  @Test("long tables are cut with a note, and omitted events are counted")
  func longTables() {
    var report = ReportSupport.completedRollout
    report.events = (0..<400).map {
      ClusterEvent(
        time: Double($0), object: ReportSupport.web, reason: "ScalingReplicaSet", message: "m")
    }
    report.omittedEvents = 50
    let html = SimulationHTML.render(report)
    #expect(occurrences("<td>ScalingReplicaSet</td>", in: html) == SimulationHTML.rowLimit)
    #expect(html.contains("150 more not shown"))
  }

  @Test("time axes tick at round durations")
  func timeAxis() {
    #expect(TimeAxis(end: 600, width: 100).ticks() == [0, 120, 240, 360, 480, 600])
    #expect(TimeAxis(end: 45, width: 100).ticks() == [0, 10, 20, 30, 40])
    #expect(TimeAxis(end: 0, width: 100).ticks() == [0, 1])
  }
}
