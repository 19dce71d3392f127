import BosunModel
import Testing

@testable import BosunOrchestrator

/// A tiny cluster for daemon pods: between syncs, terminating pods go away and pods created in
/// the previous sync become Ready and available.
private struct DaemonWorld {
  var set: DaemonSetSummary
  var nodes: [DaemonNodeSummary]
  var history: [[DaemonSetAction]] = []
  private var created = 0

  init(set: DaemonSetSummary, nodes: [DaemonNodeSummary]) {
    self.set = set
    self.nodes = nodes
  }

  mutating func step() {
    for index in nodes.indices {
      nodes[index].pods.removeAll(where: \.terminating)
      for pod in nodes[index].pods.indices where !nodes[index].pods[pod].ready {
        nodes[index].pods[pod].ready = true
        nodes[index].pods[pod].available = true
      }
    }
    let actions = DaemonSetSync.sync(set, nodes: nodes)
    history.append(actions)
    for action in actions {
      switch action {
      case .create(let node, let revision):
        created += 1
        let pod = DaemonNodeSummary.Pod(
          id: "\(node)-\(created)", revision: revision, ready: false,
          creationTime: Double(created))
        for index in nodes.indices where nodes[index].name == node {
          nodes[index].pods.append(pod)
        }
      case .delete(let id):
        for index in nodes.indices {
          for pod in nodes[index].pods.indices where nodes[index].pods[pod].id == id {
            nodes[index].pods[pod].terminating = true
          }
        }
      }
    }
  }

  /// Nodes without an available, non-terminating pod right now.
  var unavailableNodes: Int {
    nodes.filter { node in !node.pods.contains { $0.available && !$0.terminating } }.count
  }
}

private func fiveNodes(revision: String = "old") -> [DaemonNodeSummary] {
  ["a", "b", "c", "d", "e"].map {
    DaemonNodeSummary(name: $0, pods: [.init(id: "\($0)-old", revision: revision)])
  }
}

@Suite("DaemonSet sync (pkg/controller/daemon/daemon_controller.go, update.go)")
struct DaemonSetSyncTests {
  private func rolling(_ maxUnavailable: IntOrString, _ maxSurge: IntOrString) -> DaemonSetSummary {
    DaemonSetSummary(
      updateStrategy: .rollingUpdate(maxUnavailable: maxUnavailable, maxSurge: maxSurge),
      updateRevision: "new")
  }

  @Test("maxUnavailable 30% of 5 nodes is 2: DaemonSets round up (util.UnavailableCount)")
  func percentagesRoundUp() {
    let limits = DaemonSetSync.rollingParameters(
      rolling(.string("30%"), .int(0)), desiredNumberScheduled: 5)
    #expect(limits.maxUnavailable == 2)
    #expect(limits.maxSurge == 0)
    let surge = DaemonSetSync.rollingParameters(
      rolling(.int(0), .string("25%")), desiredNumberScheduled: 5)
    #expect(surge.maxSurge == 2)
    #expect(surge.maxUnavailable == 0)
  }

  @Test(
    "maxUnavailable and maxSurge both 0 on a non-empty set fall back to maxUnavailable 1 (updatedDesiredNodeCounts)"
  )
  func bothZero() {
    let limits = DaemonSetSync.rollingParameters(
      rolling(.int(0), .string("0%")), desiredNumberScheduled: 3)
    #expect(limits.maxUnavailable == 1)
    #expect(limits.maxSurge == 0)
    let empty = DaemonSetSync.rollingParameters(
      rolling(.int(0), .int(0)), desiredNumberScheduled: 0)
    #expect(empty.maxUnavailable == 0)
  }

  @Test(
    "one pod per eligible node; pods on nodes that may not keep them are deleted (podsShouldBeOnNode)"
  )
  func onePodPerNode() {
    let nodes = [
      DaemonNodeSummary(name: "a"),
      DaemonNodeSummary(name: "b", shouldRun: false, pods: [.init(id: "b-1", revision: "new")]),
      DaemonNodeSummary(
        name: "c",
        pods: [
          .init(id: "c-2", revision: "new", creationTime: 2),
          .init(id: "c-1", revision: "new", creationTime: 1),
        ]),
      DaemonNodeSummary(name: "d", pods: [.init(id: "d-1", revision: "new", failed: true)]),
      DaemonNodeSummary(
        name: "e", shouldRun: false, shouldContinueRunning: true,
        pods: [.init(id: "e-1", revision: "new")]),
    ]
    let actions = DaemonSetSync.sync(rolling(.int(1), .int(0)), nodes: nodes)
    #expect(
      actions == [
        .create(node: "a", revision: "new"), .delete(podID: "b-1"), .delete(podID: "c-2"),
        .delete(podID: "d-1"),
      ])
  }

  @Test("a node whose only pod is terminating gets its new pod after the old one is gone")
  func waitsForTermination() {
    let node = DaemonNodeSummary(
      name: "a", pods: [.init(id: "a-1", revision: "old", terminating: true)])
    #expect(DaemonSetSync.sync(rolling(.int(1), .int(0)), nodes: [node]).isEmpty)
    #expect(
      DaemonSetSync.sync(rolling(.int(1), .int(0)), nodes: [DaemonNodeSummary(name: "a")]) == [
        .create(node: "a", revision: "new")
      ])
  }

  @Test(
    "without surge, old pods are deleted up to maxUnavailable minus the nodes already unavailable")
  func rollingWithoutSurge() {
    let set = rolling(.string("30%"), .int(0))
    #expect(
      DaemonSetSync.sync(set, nodes: fiveNodes()) == [
        .delete(podID: "a-old"), .delete(podID: "b-old"),
      ])
    var oneDown = fiveNodes()
    oneDown[4].pods[0].ready = false
    oneDown[4].pods[0].available = false
    // The unavailable old pod on e is replaced at once and uses the budget's second place.
    #expect(
      DaemonSetSync.sync(set, nodes: oneDown) == [.delete(podID: "e-old"), .delete(podID: "a-old")])

    var world = DaemonWorld(set: set, nodes: fiveNodes())
    var worst = 0
    for _ in 0..<30 {
      world.step()
      worst = max(worst, world.unavailableNodes)
    }
    #expect(worst == 2)
    #expect(world.nodes.allSatisfy { $0.pods.map(\.revision) == ["new"] })
  }

  @Test(
    "with surge, a new pod starts beside the old one and the old one goes once the new one is available"
  )
  func rollingWithSurge() {
    let set = rolling(.int(0), .int(1))
    #expect(DaemonSetSync.sync(set, nodes: fiveNodes()) == [.create(node: "a", revision: "new")])
    var surging = fiveNodes()
    surging[0].pods.append(.init(id: "a-new", revision: "new", ready: false, creationTime: 1))
    #expect(DaemonSetSync.sync(set, nodes: surging).isEmpty)
    surging[0].pods[1].ready = true
    surging[0].pods[1].available = true
    #expect(DaemonSetSync.sync(set, nodes: surging) == [.delete(podID: "a-old")])

    var world = DaemonWorld(set: set, nodes: fiveNodes())
    var worst = 0
    var crowded = 0
    for _ in 0..<40 {
      world.step()
      worst = max(worst, world.unavailableNodes)
      crowded = max(crowded, world.nodes.filter { $0.pods.count > 1 }.count)
    }
    #expect(worst == 0)
    #expect(crowded == 1)
    #expect(world.nodes.allSatisfy { $0.pods.map(\.revision) == ["new"] })
  }

  @Test("with surge, a node whose old pod is unavailable gets its new pod at once, beyond maxSurge")
  func surgeReplacesUnavailableAtOnce() {
    var nodes = fiveNodes()
    nodes[3].pods[0].ready = false
    nodes[3].pods[0].available = false
    let actions = DaemonSetSync.sync(rolling(.int(0), .int(1)), nodes: nodes)
    #expect(actions == [.create(node: "d", revision: "new"), .create(node: "a", revision: "new")])
  }

  @Test("OnDelete leaves old pods alone")
  func onDelete() {
    let set = DaemonSetSummary(updateStrategy: .onDelete, updateRevision: "new")
    #expect(DaemonSetSync.sync(set, nodes: fiveNodes()).isEmpty)
  }

  @Test("the summary reads the defaults: RollingUpdate, maxUnavailable 1, maxSurge 0")
  func summaryDefaults() {
    let yaml = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: node-exporter}
      spec:
        selector: {matchLabels: {app: node-exporter}}
        template: {metadata: {labels: {app: node-exporter}}, spec: {containers: [{name: a, image: a}]}}
      """
    guard case .daemonSet(let set) = ManifestFixture.view(yaml) else {
      Issue.record("not a DaemonSet")
      return
    }
    let summary = DaemonSetSummary(set, updateRevision: "r1")
    #expect(summary.updateStrategy == .rollingUpdate(maxUnavailable: .int(1), maxSurge: .int(0)))
    #expect(summary.minReadySeconds == 0)
  }
}
