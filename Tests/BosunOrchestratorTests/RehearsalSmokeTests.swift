import BosunCore
import BosunModel
import BosunYAML
import Foundation
import Testing

@testable import BosunOrchestrator

@Suite("Rehearsal smoke")
struct RehearsalSmokeTests {
  @Test("smoke")
  func smoke() throws {
    let cluster = try Array(Data(contentsOf: URL(fileURLWithPath: "/tmp/sim/cluster.yaml")))
    let planBytes = try Array(Data(contentsOf: URL(fileURLWithPath: "/tmp/sim/plan.json")))
    var resources: [Resource] = []
    let stream = YAMLParser.parse(cluster, file: "cluster.yaml")
    for (index, item) in (stream.documents[0].root["items"]?.items ?? []).enumerated() {
      let apiVersion = item["apiVersion"]?.scalarText ?? ""
      let (group, version) = ObjectIdentity.split(apiVersion: apiVersion)
      resources.append(
        Resource(
          identity: ObjectIdentity(
            group: group, version: version, kind: item["kind"]?.scalarText ?? "",
            namespace: item["metadata"]?["namespace"]?.scalarText,
            name: item["metadata"]?["name"]?.scalarText),
          node: item, file: "cluster.yaml", documentIndex: 0,
          pointerInDocument: JSONPointer.root.appending("items").appending(index)))
    }
    let plan = RehearsalPlan(bytes: planBytes, file: "plan.json")
    let report = Rehearsal.run(plan: plan, snapshot: resources)
    print(SimulationText.render(report))
    print(report.events.map { "\($0.time) \($0.object.name) \($0.reason) \($0.message) x\($0.count)" }.joined(separator: "\n"))
    print(report.workloads.first?.samples.map { "\($0.time) d\($0.desired) u\($0.updated) r\($0.ready) a\($0.available) t\($0.total)" }.joined(separator: "\n") ?? "")
  }
}
