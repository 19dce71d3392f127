import BosunCore
import BosunModel

/// Decides the action of each object, before impacts and ordering.
struct ActionClassifier {
  var pruneScope: PruneScope

  func classify(_ change: ObjectChange) -> ObjectPlan {
    let pointers = change.fieldChanges.map(\.pointer).sorted()
    var plan = ObjectPlan(
      identity: change.identity, action: .unchanged, reason: "", changedPointers: pointers,
      orderOnly: change.orderOnly.sorted(), desired: change.desired, live: change.live)
    switch (change.desired, change.live) {
    case (nil, nil):
      plan.reason = "neither in the manifests nor in the snapshot"
    case (.some, nil):
      plan.action = .create
      plan.reason = "in the manifests, not in the snapshot"
    case (nil, .some(let live)):
      let decision = pruneScope.decide(live)
      plan.action = decision.prune ? .delete : .unchanged
      plan.reason = "not in the manifests; " + decision.reason
    case (.some, .some):
      if change.fieldChanges.isEmpty {
        plan.reason =
          change.orderOnly.isEmpty
          ? "no field changes" : "only the order of list items differs, which Kubernetes ignores"
        break
      }
      plan.convertValues()
      let violations = ImmutableViolation.find(
        in: change, live: plan.liveValue, desired: plan.desiredValue)
      plan.violations = violations
      if violations.isEmpty {
        plan.action = .update
        plan.reason = "\(count(pointers.count, "field")) change in place: \(list(pointers))"
      } else {
        plan.action = .replace
        plan.reason = replaceReason(violations)
      }
    }
    // Impacts and ordering read the values of every object that gets a step.
    if plan.action != .unchanged { plan.convertValues() }
    return plan
  }

  private func replaceReason(_ violations: [ImmutableViolation]) -> String {
    let fields = list(violations.map(\.pointer))
    let rules = Set(violations.map(\.rule.id)).sorted().joined(separator: ", ")
    if violations.allSatisfy({ $0.rule.check == .decrease }) {
      return
        "\(fields) shrinks, which the API server forbids (\(rules)); only deleting and re-creating the claim applies it"
    }
    return
      "\(fields) cannot be updated in place (\(rules)); the object must be deleted and created again"
  }
}

/// `3 fields`, `1 field`.
func count(_ number: Int, _ noun: String) -> String {
  "\(number) \(noun)\(number == 1 ? "" : "s")"
}

/// Up to five pointers, then `and N more`.
func list(_ pointers: [JSONPointer]) -> String {
  let unique = Array(Set(pointers)).sorted()
  let shown = unique.prefix(5).map(\.description).joined(separator: ", ")
  return unique.count > 5 ? "\(shown) and \(unique.count - 5) more" : shown
}
