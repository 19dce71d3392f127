import BosunCore
import Testing

@testable import BosunOrchestrator

@Suite("Simulation report as JSON")
struct ReportJSONTests {
  private func keys(_ value: Value?) -> [String] {
    guard case .object(let pairs) = value else { return [] }
    return pairs.map(\.key)
  }

  @Test("version 1, kind BosunSimulation, every top-level key in the documented order")
  func topLevelKeys() {
    let value = SimulationJSON.value(of: ReportSupport.failedStep)
    #expect(
      keys(value) == [
        "version", "kind", "seed", "horizon", "duration", "verdict", "scoringStrategy",
        "counters", "steps", "workloads", "pending", "nodes", "faults", "events",
        "omittedEvents", "rollback", "diagnostics",
      ])
    #expect(value["version"] == .int(1))
    #expect(value["kind"] == .string("BosunSimulation"))
    #expect(value["verdict"] == .string("fails"))
    #expect(value["seed"] == .string("1"))
  }

  @Test("what does not apply is null, what is empty is []")
  func nullAndEmpty() {
    let value = SimulationJSON.value(of: ReportSupport.failedStep)
    #expect(value["rollback"] == .null)
    for key in ["workloads", "pending", "nodes", "faults", "events", "diagnostics"] {
      #expect(value[key] == .array([]), "\(key)")
    }
    guard case .array(let steps) = value["steps"] else {
      Issue.record("steps is not a list")
      return
    }
    #expect(steps[1]["finishedAt"] == .null)
    #expect(steps[1]["waitedFor"] == .null)
    #expect(steps[1]["status"] == .string("skipped"))
    #expect(steps[1]["object"]?["namespace"] == .string("shop"))
  }

  @Test("a workload keeps every key; its verdict is {type, at, since, reason}")
  func workloadKeys() {
    let value = SimulationJSON.value(of: ReportSupport.stalledRollout)
    guard case .array(let workloads) = value["workloads"] else {
      Issue.record("workloads is not a list")
      return
    }
    #expect(
      keys(workloads[1]) == [
        "object", "strategy", "fromRevision", "toRevision", "startedAt", "finishedAt",
        "duration", "verdict", "maxUnavailableSeen", "maxUnavailableAllowed", "surgePeak",
        "samples",
      ])
    #expect(
      workloads[1]["verdict"]
        == .object([
          ("type", .string("stalls")), ("at", .null), ("since", .double(80)),
          ("reason", .string("3 pods unschedulable")),
        ]))
    #expect(workloads[2]["verdict"]?["type"] == .string("progress-deadline-exceeded"))
    #expect(workloads[2]["surgePeak"] == .null)
    #expect(workloads[0]["surgePeak"]?["extraRequests"]?["cpuMillis"] == .int(1500))
    #expect(
      keys(workloads[0]["samples"].flatMap { if case .array(let a) = $0 { a.first } else { nil } })
        == ["time", "desired", "updated", "ready", "available", "total"])
  }

  @Test("rollback steps name their kubectl command; events name the object as Kind/ns/name")
  func rollbackAndEvents() {
    let value = SimulationJSON.value(of: ReportSupport.stalledRollout)
    guard case .array(let steps) = value["rollback"]?["steps"],
      case .array(let events) = value["events"]
    else {
      Issue.record("rollback steps or events missing")
      return
    }
    #expect(steps[0]["action"] == .string("rollout-undo"))
    #expect(steps[0]["toRevision"] == .int(3))
    #expect(
      steps[0]["command"] == .string("kubectl rollout undo deployment/web -n shop --to-revision=3"))
    #expect(steps[3]["action"] == .string("recreate-from-snapshot"))
    #expect(steps[3]["toRevision"] == .null)
    #expect(events[1]["object"] == .string("Pod/shop/api-7d9f8-0"))
    #expect(events[1]["type"] == .string("Warning"))
    #expect(events[2]["object"] == .string("Node/worker-3"))
  }

  @Test("seconds are rounded to milliseconds, without negative zero")
  func secondsRounding() {
    #expect(SimulationJSON.seconds(12.3456789) == .double(12.346))
    #expect(SimulationJSON.seconds(0.1 + 0.2) == .double(0.3))
    #expect(SimulationJSON.seconds(-0.0001).jsonText() == "0.0")
    var report = ReportSupport.failedStep
    report.duration = 1.0 / 3.0
    #expect(SimulationJSON.render(report).contains("\"duration\": 0.333,\n"))
  }

  @Test("the same report gives the same bytes, with one final newline")
  func stableBytes() {
    let first = SimulationJSON.render(ReportSupport.stalledRollout)
    let second = SimulationJSON.render(ReportSupport.stalledRollout)
    #expect(first == second)
    #expect(first.hasSuffix("}\n") && !first.hasSuffix("\n\n"))
    #expect(first.hasPrefix("{\n  \"version\": 1,\n  \"kind\": \"BosunSimulation\",\n"))
  }
}
