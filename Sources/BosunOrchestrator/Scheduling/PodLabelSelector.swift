import BosunModel

/// A label selector prepared once for the scheduler's inner loops: validity is checked up
/// front (`LabelSelector.matches` re-validates on every call).
///
/// Keeps upstream's three cases apart: a missing selector selects nothing
/// (`labels.Nothing()`), an empty one selects everything (`labels.Everything()`, whose
/// `Empty()` is true, which PodTopologySpread's counting treats as "count nothing").
struct PodLabelSelector: Sendable, Equatable {
  enum Kind: Sendable, Equatable { case nothing, everything, terms }

  private(set) var kind: Kind
  private(set) var matchLabels: [(key: String, value: String)]
  private(set) var requirements: [LabelSelector.Requirement]

  static let nothing = PodLabelSelector(kind: .nothing, matchLabels: [], requirements: [])

  private init(
    kind: Kind, matchLabels: [(key: String, value: String)],
    requirements: [LabelSelector.Requirement]
  ) {
    self.kind = kind
    self.matchLabels = matchLabels
    self.requirements = requirements
  }

  /// Prepares a selector; an invalid one selects nothing, as upstream refuses to build it.
  init(_ selector: LabelSelector?) {
    guard let selector, selector.problems.isEmpty else {
      self = .nothing
      return
    }
    if selector.isEmpty {
      self.init(kind: .everything, matchLabels: [], requirements: [])
    } else {
      self.init(
        kind: .terms,
        matchLabels: selector.matchLabels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
        requirements: selector.matchExpressions)
    }
  }

  /// Whether upstream's `Selector.Empty()` holds: the selector has no terms.
  var isEverything: Bool { kind == .everything }

  /// Adds `key In (value)` (matchLabelKeys) or `key NotIn (value)` (mismatchLabelKeys) for
  /// each key the pod carries; a selector of nothing stays one (upstream `nothingSelector.Add`).
  mutating func add(labelKeys: [String], from labels: [String: String], negated: Bool) {
    guard kind != .nothing else { return }
    for key in labelKeys {
      guard let value = labels[key] else { continue }
      requirements.append(
        LabelSelector.Requirement(key: key, operator: negated ? .notIn : .in, values: [value]))
      kind = .terms
    }
  }

  func matches(_ labels: [String: String]) -> Bool {
    switch kind {
    case .nothing: return false
    case .everything: return true
    case .terms:
      for pair in matchLabels where labels[pair.key] != pair.value { return false }
      for requirement in requirements where !requirement.matches(labels) { return false }
      return true
    }
  }

  static func == (lhs: PodLabelSelector, rhs: PodLabelSelector) -> Bool {
    lhs.kind == rhs.kind && lhs.requirements == rhs.requirements
      && lhs.matchLabels.elementsEqual(rhs.matchLabels) { $0 == $1 }
  }
}
