import BosunCore
public import BosunModel
import BosunYAML
import Foundation

/// Which live objects the plan may delete when the manifests no longer have them.
///
/// Objects outside the scope are never pruned, whatever else is true of them: they may belong
/// to another tool or another team. Objects with `metadata.ownerReferences` are never pruned
/// either: their owner's controller made them (a Deployment's ReplicaSets and pods) and
/// removes them itself.
public enum PruneScope: Hashable, Sendable, CustomStringConvertible {
  /// Prune nothing.
  case none
  /// Objects whose labels match a selector (`--prune-selector app=web,tier!=db`).
  case selector(LabelSelector)
  /// Objects last written by `kubectl apply`, i.e. carrying
  /// `kubectl.kubernetes.io/last-applied-configuration` (what `kubectl apply --prune` requires).
  case lastApplied

  /// The annotation `kubectl apply` writes.
  public static let lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"

  /// Whether `live` may be pruned, and why or why not.
  public func decide(_ live: Resource) -> (prune: Bool, reason: String) {
    let metadata = live.node["metadata"]
    if let owners = metadata?["ownerReferences"]?.items, !owners.isEmpty {
      let owner = owners[0]
      let name = [owner["kind"]?.scalarText, owner["name"]?.scalarText].compactMap { $0 }
        .joined(separator: "/")
      return (false, "owned by \(name), whose controller manages it; never pruned")
    }
    switch self {
    case .none:
      return (false, Self.pruningOff)
    case .selector(let selector):
      return selector.matches(live.labels)
        ? (true, "its labels match the prune selector \(selector)")
        : (false, "outside the prune scope: its labels do not match \(selector); left alone")
    case .lastApplied:
      return Self.carriesLastApplied(metadata) ? (true, Self.applied) : (false, Self.notApplied)
    }
  }

  // The reasons that name no object, written once: most recorded objects of a large cluster
  // get one of them.
  private static let pruningOff = "pruning is off; the object is left alone"
  private static let applied =
    "it carries \(lastAppliedAnnotation), so kubectl apply manages it"
  private static let notApplied =
    "outside the prune scope: it has no \(lastAppliedAnnotation), so nothing says it was applied from these manifests; left alone"

  /// Whether `metadata.annotations` gives the annotation `kubectl apply` writes a text value, as
  /// `Resource.annotations` would, without building the dictionary of every annotation.
  private static func carriesLastApplied(_ metadata: Node?) -> Bool {
    metadata?["annotations"]?.pairs?.contains {
      $0.value.scalarText != nil && $0.key.keyString == lastAppliedAnnotation
    } ?? false
  }

  /// Parses a kubectl label selector: `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`,
  /// `k notin (a,b)`, joined by commas. Returns nil on a syntax error.
  public static func parseSelector(_ text: String) -> LabelSelector? {
    var requirements: [LabelSelector.Requirement] = []
    var matchLabels: [String: String] = [:]
    for term in splitTerms(text) {
      let term = term.trimmingCharacters(in: .whitespaces)
      if term.isEmpty { return nil }
      let words = term.split(separator: " ", maxSplits: 1).map(String.init)
      if words.count == 2, let open = words[1].firstIndex(of: "("), words[1].last == ")" {
        let word = words[1][..<open].trimmingCharacters(in: .whitespaces)
        let values = words[1][
          words[1].index(after: open)..<words[1].index(before: words[1].endIndex)
        ]
        .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard word == "in" || word == "notin" else { return nil }
        requirements.append(
          .init(
            key: words[0], operator: word == "in" ? .in : .notIn, values: values, pointer: .root))
      } else if let range = term.range(of: "!=") {
        requirements.append(
          .init(
            key: String(term[..<range.lowerBound]), operator: .notIn,
            values: [String(term[range.upperBound...])], pointer: .root))
      } else if let range = term.range(of: "==") ?? term.range(of: "=") {
        matchLabels[String(term[..<range.lowerBound])] = String(term[range.upperBound...])
      } else if term.hasPrefix("!") {
        requirements.append(
          .init(key: String(term.dropFirst()), operator: .doesNotExist, values: [], pointer: .root))
      } else if !term.contains(" ") {
        requirements.append(.init(key: term, operator: .exists, values: [], pointer: .root))
      } else {
        return nil
      }
    }
    return LabelSelector(matchLabels: matchLabels, matchExpressions: requirements, pointer: .root)
  }

  /// Splits on commas outside parentheses.
  private static func splitTerms(_ text: String) -> [String] {
    var terms: [String] = []
    var current = ""
    var depth = 0
    for character in text {
      if character == "(" { depth += 1 }
      if character == ")" { depth -= 1 }
      if character == ",", depth == 0 {
        terms.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    terms.append(current)
    return terms
  }

  /// `none`, `selector <text>` or `last-applied`.
  public var description: String {
    switch self {
    case .none: "none"
    case .selector(let selector): "selector \(selector)"
    case .lastApplied: "last-applied"
    }
  }
}
