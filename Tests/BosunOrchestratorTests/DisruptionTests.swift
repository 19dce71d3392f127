import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("PodDisruptionBudget (pkg/controller/disruption/disruption.go, pod/storage/eviction.go)")
struct DisruptionTests {
  private func budget(
    _ rule: DisruptionBudgetSummary.Budget?, matching: Int = 5, scale: Int = 5, healthy: Int = 5,
    policy: DisruptionBudgetSummary.UnhealthyPodEvictionPolicy = .ifHealthyBudget
  ) -> DisruptionBudgetSummary {
    DisruptionBudgetSummary(
      name: "web", budget: rule, matchingPods: matching, expectedScale: scale, healthy: healthy,
      unhealthyPodEvictionPolicy: policy)
  }

  @Test("integer minAvailable counts against the matching pods (getExpectedPodCount)")
  func integerMinAvailable() {
    let pdb = budget(.minAvailable(.int(3)), matching: 4, scale: 10, healthy: 4)
    #expect(Disruption.expectedPodCount(pdb) == (4, 3))
    #expect(Disruption.allowedDisruptions(pdb) == 1)
  }

  @Test("percentage minAvailable rounds up against the owners' scale")
  func percentageMinAvailable() {
    let pdb = budget(.minAvailable(.string("50%")), scale: 5, healthy: 5)
    #expect(Disruption.expectedPodCount(pdb) == (5, 3))
    #expect(Disruption.allowedDisruptions(pdb) == 2)
  }

  @Test("maxUnavailable rounds up: desiredHealthy is scale minus it, never below 0")
  func maxUnavailable() {
    let percent = budget(.maxUnavailable(.string("30%")), scale: 5, healthy: 5)
    #expect(Disruption.expectedPodCount(percent) == (5, 3))
    #expect(Disruption.allowedDisruptions(percent) == 2)
    let integer = budget(.maxUnavailable(.int(1)), scale: 3, healthy: 2)
    #expect(Disruption.allowedDisruptions(integer) == 0)
    let generous = budget(.maxUnavailable(.int(9)), scale: 3, healthy: 3)
    #expect(Disruption.expectedPodCount(generous) == (3, 0))
    #expect(Disruption.allowedDisruptions(generous) == 3)
  }

  @Test(
    "no disruption is allowed while the budget expects no pods or its value does not parse (updatePdbStatus)"
  )
  func safeWhenEmpty() {
    #expect(
      Disruption.allowedDisruptions(budget(.maxUnavailable(.int(1)), scale: 0, healthy: 2)) == 0)
    #expect(Disruption.allowedDisruptions(budget(.minAvailable(.string("half")))) == 0)
    #expect(Disruption.allowedDisruptions(budget(nil)) == 0)
  }

  @Test(
    "eviction is refused with 429 TooManyRequests when disruptionsAllowed is 0 (checkAndDecrement)")
  func evictionRefused() {
    let pdb = budget(.minAvailable(.int(2)), matching: 2, scale: 2, healthy: 2)
    let verdict = Disruption.evictionAllowed(
      podPhase: "Running", podReady: true, podTerminating: false, budgets: [pdb])
    #expect(
      verdict
        == .rejected(
          code: 429, reason: "TooManyRequests",
          message: "Cannot evict pod as it would violate the pod's disruption budget.",
          cause: "The disruption budget web needs 2 healthy pods and has 2 currently"))
    let roomy = budget(.minAvailable(.int(1)), matching: 2, scale: 2, healthy: 2)
    #expect(
      Disruption.evictionAllowed(
        podPhase: "Running", podReady: true, podTerminating: false, budgets: [roomy])
        == .allowed(consumes: "web"))
  }

  @Test("pending, finished and terminating pods skip the budget (canIgnorePDB)")
  func ignoredPods() {
    let tight = budget(.maxUnavailable(.int(0)))
    for phase in ["Pending", "Succeeded", "Failed"] {
      #expect(
        Disruption.evictionAllowed(
          podPhase: phase, podReady: false, podTerminating: false, budgets: [tight])
          == .allowed(consumes: nil))
    }
    #expect(
      Disruption.evictionAllowed(
        podPhase: "Running", podReady: true, podTerminating: true, budgets: [tight])
        == .allowed(consumes: nil))
  }

  @Test("an unready pod goes under AlwaysAllow, or under IfHealthyBudget while the budget is met")
  func unhealthyPods() {
    let met = budget(.minAvailable(.int(3)), matching: 4, healthy: 3)
    #expect(
      Disruption.evictionAllowed(
        podPhase: "Running", podReady: false, podTerminating: false, budgets: [met])
        == .allowed(consumes: nil))
    let short = budget(.minAvailable(.int(3)), matching: 4, healthy: 2)
    #expect(
      Disruption.evictionAllowed(
        podPhase: "Running", podReady: false, podTerminating: false, budgets: [short])
        != .allowed(consumes: nil))
    var always = short
    always.unhealthyPodEvictionPolicy = .alwaysAllow
    #expect(
      Disruption.evictionAllowed(
        podPhase: "Running", podReady: false, podTerminating: false, budgets: [always])
        == .allowed(consumes: nil))
  }

  @Test("a pod covered by two budgets cannot be evicted (500)")
  func twoBudgets() {
    let verdict = Disruption.evictionAllowed(
      podPhase: "Running", podReady: true, podTerminating: false,
      budgets: [budget(.maxUnavailable(.int(1))), budget(.maxUnavailable(.int(2)))])
    guard case .rejected(let code, _, _, _) = verdict else {
      Issue.record("expected a rejection")
      return
    }
    #expect(code == 500)
  }

  @Test("the summary reads maxUnavailable before minAvailable and the eviction policy")
  func summaryFromModel() {
    let yaml = """
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: web}
      spec:
        maxUnavailable: 25%
        selector: {matchLabels: {app: web}}
        unhealthyPodEvictionPolicy: AlwaysAllow
      """
    guard case .podDisruptionBudget(let pdb) = ManifestFixture.view(yaml) else {
      Issue.record("not a PodDisruptionBudget")
      return
    }
    let summary = DisruptionBudgetSummary(pdb, matchingPods: 4, expectedScale: 4, healthy: 4)
    #expect(summary.budget == .maxUnavailable(.string("25%")))
    #expect(summary.unhealthyPodEvictionPolicy == .alwaysAllow)
    #expect(Disruption.allowedDisruptions(summary) == 1)
  }
}
