public import BosunCore
public import BosunYAML

/// A `metav1.LabelSelector`: `matchLabels` and `matchExpressions`, all of which must hold.
///
/// Mirrors `LabelSelectorAsSelector` in k8s.io/apimachinery `pkg/apis/meta/v1/helpers.go` and
/// requirement matching in `pkg/labels/selector.go`. An empty selector matches every set of
/// labels. A *missing* selector matches nothing: model it as `LabelSelector?` at call sites and
/// use `LabelSelector.matches(_:_:)`, which treats nil that way.
public struct LabelSelector: Hashable, Sendable, CustomStringConvertible {
  /// One `matchExpressions` entry.
  public struct Requirement: Hashable, Sendable {
    /// The operator; unknown spellings are kept so validation can name them.
    public enum Operator: Hashable, Sendable {
      /// `In`: the label is present with one of the values.
      case `in`
      /// `NotIn`: the label is absent, or present with none of the values.
      case notIn
      /// `Exists`: the label is present.
      case exists
      /// `DoesNotExist`: the label is absent.
      case doesNotExist
      /// Anything else, as written.
      case unknown(String)

      /// Reads the operator as written in a manifest (case-sensitive, as upstream).
      public init(_ text: String) {
        switch text {
        case "In": self = .in
        case "NotIn": self = .notIn
        case "Exists": self = .exists
        case "DoesNotExist": self = .doesNotExist
        default: self = .unknown(text)
        }
      }

      /// The operator as written in a manifest.
      public var text: String {
        switch self {
        case .in: "In"
        case .notIn: "NotIn"
        case .exists: "Exists"
        case .doesNotExist: "DoesNotExist"
        case .unknown(let text): text
        }
      }
    }

    /// The label key.
    public var key: String
    /// The operator.
    public var `operator`: Operator
    /// The values, for `In` and `NotIn`.
    public var values: [String]
    /// Where the entry is (`/spec/selector/matchExpressions/0`).
    public var pointer: JSONPointer

    /// Creates a requirement.
    public init(
      key: String, operator: Operator, values: [String] = [], pointer: JSONPointer = .root
    ) {
      self.key = key
      self.operator = `operator`
      self.values = values
      self.pointer = pointer
    }

    /// Whether a set of labels satisfies the requirement; an unknown operator never does.
    public func matches(_ labels: [String: String]) -> Bool {
      switch self.operator {
      case .in: return labels[key].map(values.contains) ?? false
      case .notIn: return labels[key].map { !values.contains($0) } ?? true
      case .exists: return labels[key] != nil
      case .doesNotExist: return labels[key] == nil
      case .unknown: return false
      }
    }
  }

  /// `matchLabels`: each key must be present with exactly this value.
  public var matchLabels: [String: String]
  /// `matchExpressions`.
  public var matchExpressions: [Requirement]
  /// Where the selector is (`/spec/selector`).
  public var pointer: JSONPointer

  /// Creates a selector.
  public init(
    matchLabels: [String: String] = [:], matchExpressions: [Requirement] = [],
    pointer: JSONPointer = .root
  ) {
    self.matchLabels = matchLabels
    self.matchExpressions = matchExpressions
    self.pointer = pointer
  }

  /// Whether the selector has no terms, and so matches everything.
  public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

  /// Whether a set of labels is selected. An empty selector selects everything; an invalid
  /// one (see `problems`) selects nothing, since upstream refuses to build it.
  public func matches(_ labels: [String: String]) -> Bool {
    if isEmpty { return true }
    guard problems.isEmpty else { return false }
    return matchLabels.allSatisfy { labels[$0.key] == $0.value }
      && matchExpressions.allSatisfy { $0.matches(labels) }
  }

  /// Whether an optional selector selects a set of labels: a missing selector selects nothing,
  /// as upstream's `labels.Nothing()`.
  public static func matches(_ selector: LabelSelector?, _ labels: [String: String]) -> Bool {
    selector?.matches(labels) ?? false
  }

  /// Whether a plain map selector (a Service's or ReplicationController's `spec.selector`)
  /// selects a set of labels. A missing or empty map selects nothing: such a Service has no
  /// selector and its endpoints are managed by hand.
  public static func mapSelectorMatches(_ selector: [String: String]?, _ labels: [String: String])
    -> Bool
  {
    guard let selector, !selector.isEmpty else { return false }
    return selector.allSatisfy { labels[$0.key] == $0.value }
  }

  /// The selector in `kubectl` syntax, as upstream `Selector.String()` prints it: terms
  /// ordered by key, values sorted (`app=web,tier in (a,b),!canary`); empty for an empty
  /// selector.
  public var description: String {
    var terms: [(key: String, text: String)] = matchLabels.map { ($0.key, "\($0.key)=\($0.value)") }
    for requirement in matchExpressions {
      let key = requirement.key
      let values = requirement.values.sorted().joined(separator: ",")
      let text: String
      switch requirement.operator {
      case .in: text = "\(key) in (\(values))"
      case .notIn: text = "\(key) notin (\(values))"
      case .exists: text = key
      case .doesNotExist: text = "!\(key)"
      case .unknown(let name): text = "\(key) \(name) (\(values))"
      }
      terms.append((key, text))
    }
    return terms.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
      .map(\.element.text).joined(separator: ",")
  }

  /// Why upstream would refuse to build this selector: bad keys or values, `In`/`NotIn`
  /// without values, `Exists`/`DoesNotExist` with values, unknown operators.
  ///
  /// Mirrors `labels.NewRequirement` in `pkg/labels/selector.go`.
  public var problems: [ModelIssue] {
    var problems: [ModelIssue] = []
    for (key, value) in matchLabels.sorted(by: { $0.key < $1.key }) {
      let at = pointer.appending("matchLabels").appending(key)
      problems += keyProblems(key, at: at)
      problems += valueProblems(value, at: at)
    }
    for requirement in matchExpressions {
      problems += requirementProblems(requirement)
    }
    return problems
  }

  private func requirementProblems(_ requirement: Requirement) -> [ModelIssue] {
    let at = requirement.pointer
    var problems = keyProblems(requirement.key, at: at.appending("key"))
    switch requirement.operator {
    case .in, .notIn:
      if requirement.values.isEmpty {
        problems.append(
          ModelIssue(
            code: "selector.values-required", pointer: at.appending("values"),
            message: "for 'in', 'notin' operators, values set can't be empty; list the values "
              + "to match or use Exists"))
      }
    case .exists, .doesNotExist:
      if !requirement.values.isEmpty {
        problems.append(
          ModelIssue(
            code: "selector.values-forbidden", pointer: at.appending("values"),
            message: "values set must be empty for exists and does not exist; remove `values`"))
      }
    case .unknown(let text):
      problems.append(
        ModelIssue(
          code: "selector.unknown-operator", pointer: at.appending("operator"),
          message: "\"\(text)\" is not a valid label selector operator; use In, NotIn, Exists "
            + "or DoesNotExist"))
    }
    for (index, value) in requirement.values.enumerated() {
      problems += valueProblems(value, at: at.appending("values").appending(index))
    }
    return problems
  }

  private func keyProblems(_ key: String, at pointer: JSONPointer) -> [ModelIssue] {
    LabelSyntax.labelKeyProblems(key).map {
      ModelIssue(
        code: "selector.invalid-key", pointer: pointer,
        message: "key \"\(key)\": \($0.message)")
    }
  }

  private func valueProblems(_ value: String, at pointer: JSONPointer) -> [ModelIssue] {
    LabelSyntax.labelValueProblems(value).map {
      ModelIssue(
        code: "selector.invalid-value", pointer: pointer,
        message: "value \"\(value)\": \($0.message)")
    }
  }
}

extension LabelSelector {
  /// Reads a selector from its node; nil when the node is absent or null. Wrong shapes
  /// (a list for `matchLabels`, a number for `operator`) are reported with their pointers.
  public static func decode(_ node: Node?, at pointer: JSONPointer) -> (
    selector: LabelSelector?, issues: [ModelIssue]
  ) {
    let log = IssueLog()
    let selector = read(FieldReader(node, at: pointer, log: log))
    return (selector, log.issues)
  }

  static func read(_ fields: FieldReader) -> LabelSelector? {
    guard fields.exists else { return nil }
    let expressions = fields.objects("matchExpressions") { entry in
      Requirement(
        key: entry.string("key") ?? "",
        operator: Requirement.Operator(entry.string("operator") ?? ""),
        values: entry.strings("values"), pointer: entry.pointer)
    }
    return LabelSelector(
      matchLabels: fields.stringMap("matchLabels"), matchExpressions: expressions,
      pointer: fields.pointer)
  }
}
