import Testing

@testable import BosunOrchestrator

@Suite("Simulation report as text")
struct ReportTextTests {
  @Test(
    "durations read like kubectl's",
    arguments: [
      (0.0, "0s"), (-3, "0s"), (0.25, "250ms"), (0.9996, "1s"), (45, "45s"), (59.6, "1m"),
      (252, "4m12s"), (240, "4m"), (3720, "1h2m"), (3600, "1h"), (3659, "1h"),
      (93_600, "1d2h"), (Double.infinity, "0s"),
    ])
  func durations(seconds: Double, text: String) {
    #expect(HumanDuration.text(seconds) == text)
  }

  @Test("a completed rollout says how long it took")
  func completes() {
    let text = SimulationText.render(ReportSupport.completedRollout)
    #expect(text.hasPrefix("rollout completes in 4m12s\n"))
    #expect(
      text.contains(
        "Deployment/shop/web  3 → 4     completes at 4m12s  4m7s      2/2          "
          + "+3 pods (1500m cpu, 3Gi memory)\n"))
    #expect(text.contains("\nRollback: nothing to undo.\n"))
  }

  @Test("a stall names the first workload that waits, and how many more do")
  func stalls() {
    let text = SimulationText.render(ReportSupport.stalledRollout)
    #expect(
      text.hasPrefix(
        "rollout stalls: Deployment/shop/api: 3 pods unschedulable since 1m20s (and 2 more)\n"))
    #expect(text.contains("stalls since 1m20s"))
    #expect(text.contains("deadline exceeded at 5m20s"))
    #expect(text.contains("  StatefulSet/shop/db exceeded its progress deadline at 5m20s\n"))
    #expect(text.contains("\nPending pods (3):\n  3× Deployment/shop/api since 1m20s: 0/6 nodes"))
    #expect(text.contains("  node-failure worker-3 at 5m: 2 pods displaced, healed at 5m42s"))
    #expect(text.contains("  drain worker-5 at 6m40s: 1 pod displaced, never healed\n"))
    #expect(text.contains("blocked by PodDisruptionBudget shop/db-pdb"))
    #expect(text.contains("\nRollback (4 steps) completes in 1m36s:\n"))
    #expect(text.contains("  kubectl rollout undo statefulset/db -n shop --to-revision=2\n"))
    #expect(!text.contains("Steps not done"), "the table already explains stalled workloads")
  }

  @Test("a failed step heads the report and skipped steps are listed")
  func fails() {
    let text = SimulationText.render(ReportSupport.failedStep)
    #expect(
      text.hasPrefix(
        "rollout fails: step 0 (create ConfigMap/shop/web-config) failed: "
          + "namespaces \"shop\" not found\n"))
    #expect(text.contains("  1 update Deployment/shop/web: skipped: step 0 failed\n"))
  }

  @Test("a workload that fails or exceeds maxUnavailable is marked")
  func failedWorkload() {
    var report = ReportSupport.completedRollout
    report.verdict = .fails
    report.workloads[0].verdict = .failed(reason: "BackoffLimitExceeded")
    report.workloads[0].maxUnavailableSeen = 3
    let text = SimulationText.render(report)
    #expect(text.hasPrefix("rollout fails: Deployment/shop/web failed: BackoffLimitExceeded\n"))
    #expect(text.contains(" 3/2 ! "))
  }

  @Test("colour only wraps the headline and verdicts in ANSI codes")
  func colour() {
    let plain = SimulationText.render(ReportSupport.stalledRollout)
    let coloured = SimulationText.render(ReportSupport.stalledRollout, colour: true)
    #expect(!plain.contains("\u{1B}["))
    #expect(coloured.hasPrefix("\u{1B}[1;33mrollout stalls"))
    #expect(coloured.replacing(/\u{1B}\[[0-9;]*m/, with: "") == plain)
  }

  @Test("the same report gives the same text")
  func deterministic() {
    #expect(
      SimulationText.render(ReportSupport.stalledRollout)
        == SimulationText.render(ReportSupport.stalledRollout))
  }
}
