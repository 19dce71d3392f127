import BosunCore
import BosunModel

/// Rolling-update parameters the API server rejects or that cannot make progress.
struct RollingUpdateRule: Rule {
  static let description = RuleDescription(
    id: "rolling-update-invalid",
    summary: "rolling-update maxSurge and maxUnavailable are invalid or both zero",
    rationale: """
      The API server rejects maxSurge and maxUnavailable that are both zero (a rollout could \
      never replace a pod), percent strings that are not digits followed by %, negative counts, \
      maxUnavailable above 100%, and rollingUpdate under the Recreate strategy. Defaults count: \
      a Deployment defaults both to 25%, a DaemonSet to maxUnavailable 1 and maxSurge 0.
      """,
    remediation: "give maxSurge or maxUnavailable a positive count or a percent such as 25%",
    category: .availability, severity: .error, kinds: ["Deployment", "DaemonSet"],
    examples: [
      .passing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 1, maxUnavailable: 0%}
        """),
      .failing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          strategy:
            rollingUpdate: {maxSurge: 0%, maxUnavailable: 0}
        """, at: "/spec/strategy/rollingUpdate"),
      .failing(
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          updateStrategy:
            rollingUpdate: {maxUnavailable: 120%, maxSurge: "10 %"}
        """, at: "/spec/updateStrategy/rollingUpdate/maxUnavailable",
        "/spec/updateStrategy/rollingUpdate/maxSurge"),
      .failing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          strategy:
            type: Recreate
            rollingUpdate: {maxSurge: 1}
        """, at: "/spec/strategy/rollingUpdate"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let isDeployment = object.identity.kind == "Deployment"
    let strategyKey = isDeployment ? "strategy" : "updateStrategy"
    guard let spec = object.node["spec"], let strategy = spec[strategyKey],
      let rolling = strategy["rollingUpdate"]
    else { return [] }
    let pointer = JSONPointer.root.appending("spec").appending(strategyKey).appending(
      "rollingUpdate")
    if let type = strategy["type"]?.text, type != "RollingUpdate" {
      return [
        Finding(
          at: pointer, "rollingUpdate is set while the strategy type is \(type); remove one of them"
        )
      ]
    }
    var findings: [Finding] = []
    let surge = DisruptionBudget(rolling["maxSurge"])
    let unavailable = DisruptionBudget(rolling["maxUnavailable"])
    for (field, budget) in [("maxUnavailable", unavailable), ("maxSurge", surge)] {
      guard let budget else { continue }
      let at = pointer.appending(field)
      if let problem = budget.problem {
        findings.append(Finding(at: at, "\(field) \(budget.value) \(problem)"))
      } else if field == "maxUnavailable", let percent = budget.percent, percent > 100 {
        findings.append(Finding(at: at, "maxUnavailable \(percent)% is above 100%; lower it"))
      }
    }
    // Defaults (apps/v1): a Deployment's are 25% and 25%, a DaemonSet's maxSurge 0 and
    // maxUnavailable 1.
    let surgeIsZero = surge?.isZero ?? !isDeployment
    let unavailableIsZero = unavailable?.isZero ?? false
    if surgeIsZero && unavailableIsZero {
      findings.append(
        Finding(
          at: pointer,
          "maxSurge and maxUnavailable are both zero, so a rollout can never replace a pod; make one positive"
        ))
    }
    return findings
  }
}
