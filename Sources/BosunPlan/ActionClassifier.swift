import BosunCore
import BosunModel

/// Decides the action of each object, before impacts and ordering.
struct ActionClassifier {
  var pruneScope: PruneScope

  func classify(_ change: ObjectChange) -> ObjectPlan {
    let pointers = change.fieldChanges.map(\.pointer).sortedUnlessTrivial()
    let verdict = self.verdict(on: change, pointers: pointers)
    // Built in one go and returned as it is: a decision holds both copies of the object, and
    // changing it after the fact costs a copy of the whole.
    return ObjectPlan(
      identity: change.identity, action: verdict.action, reason: verdict.reason,
      changedPointers: pointers, orderOnly: change.orderOnly.sortedUnlessTrivial(),
      violations: verdict.violations, desired: change.desired, live: change.live,
      values: verdict.values)
  }

  /// The action, its reason, the immutable fields behind a replace, and the plain values of the
  /// object when they are read more than once: those of creates (the step sends the manifest)
  /// and of updates and replaces (impacts compare them). A prune delete sends nothing, and
  /// ordering reads the few fields it needs from the recorded node.
  private func verdict(on change: ObjectChange, pointers: [JSONPointer]) -> (
    action: PlanAction, reason: String, violations: [ImmutableViolation],
    values: (desired: Value?, live: Value?)?
  ) {
    // Tested one side at a time: a switch over the pair would copy both objects.
    guard let desired = change.desired else {
      guard let live = change.live else {
        return (.unchanged, "neither in the manifests nor in the snapshot", [], nil)
      }
      let decision = pruneScope.decide(live)
      let reason = "not in the manifests; " + decision.reason
      return (decision.prune ? .delete : .unchanged, reason, [], nil)
    }
    guard let live = change.live else {
      return (.create, "in the manifests, not in the snapshot", [], (desired.node.toValue(), nil))
    }
    if change.fieldChanges.isEmpty {
      let reason =
        change.orderOnly.isEmpty
        ? "no field changes" : "only the order of list items differs, which Kubernetes ignores"
      return (.unchanged, reason, [], nil)
    }
    let values =
      change.values.map { (desired: Optional($0.desired), live: Optional($0.live)) }
      ?? (desired: Optional(desired.node.toValue()), live: Optional(live.node.toValue()))
    let violations = ImmutableViolation.find(in: change, live: values.live, desired: values.desired)
    if violations.isEmpty {
      let reason = "\(count(pointers.count, "field")) change in place: \(list(pointers))"
      return (.update, reason, [], values)
    }
    return (.replace, replaceReason(violations), violations, values)
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

extension Array where Element == JSONPointer {
  /// The pointers sorted; most lists of an object are empty or hold one pointer.
  fileprivate func sortedUnlessTrivial() -> [JSONPointer] { count < 2 ? self : sorted() }
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
