public import BosunYAML

/// One `nodeSelectorTerms` entry (or a preferred term's `preference`): every requirement must
/// hold. A term with no requirements selects no node.
///
/// Mirrors k8s.io/component-helpers `scheduling/corev1/nodeaffinity/nodeaffinity.go`.
public struct NodeSelectorTerm: Hashable, Sendable {
  /// One `matchExpressions` or `matchFields` entry.
  public struct Requirement: Hashable, Sendable {
    /// A node selector operator.
    public enum Operator: Hashable, Sendable {
      /// `In`: the value is one of `values`.
      case `in`
      /// `NotIn`: the label is absent or not one of `values`.
      case notIn
      /// `Exists`: the label is present.
      case exists
      /// `DoesNotExist`: the label is absent.
      case doesNotExist
      /// `Gt`: the value, read as an integer, is greater than the single value.
      case greaterThan
      /// `Lt`: the value, read as an integer, is less than the single value.
      case lessThan
      /// Anything else, as written; it never matches.
      case unknown(String)

      /// Reads an operator as written in a manifest.
      public init(_ text: String) {
        switch text {
        case "In": self = .in
        case "NotIn": self = .notIn
        case "Exists": self = .exists
        case "DoesNotExist": self = .doesNotExist
        case "Gt": self = .greaterThan
        case "Lt": self = .lessThan
        default: self = .unknown(text)
        }
      }
    }

    /// The label key, or `metadata.name` for a field requirement.
    public var key: String
    /// The operator.
    public var `operator`: Operator
    /// The values.
    public var values: [String]

    /// Creates a requirement.
    public init(key: String, operator: Operator, values: [String] = []) {
      self.key = key
      self.operator = `operator`
      self.values = values
    }

    /// Whether the node's value for `key` (nil when the node has none) satisfies the
    /// requirement.
    public func matches(_ value: String?) -> Bool {
      switch self.operator {
      case .in: return value.map(values.contains) ?? false
      case .notIn: return value.map { !values.contains($0) } ?? true
      case .exists: return value != nil
      case .doesNotExist: return value == nil
      case .greaterThan, .lessThan:
        // Gt and Lt take exactly one integer value and compare the label as an integer.
        guard values.count == 1, let bound = Int64(values[0]), let value,
          let number = Int64(value)
        else { return false }
        return self.operator == .greaterThan ? number > bound : number < bound
      case .unknown: return false
      }
    }
  }

  /// `matchExpressions`, on node labels.
  public var matchExpressions: [Requirement]
  /// `matchFields`, on node fields; only `metadata.name` exists.
  public var matchFields: [Requirement]

  /// Creates a term.
  public init(matchExpressions: [Requirement] = [], matchFields: [Requirement] = []) {
    self.matchExpressions = matchExpressions
    self.matchFields = matchFields
  }

  /// Whether a node with these labels and this name satisfies the term.
  public func matches(labels: [String: String], name: String) -> Bool {
    if matchExpressions.isEmpty && matchFields.isEmpty { return false }
    for requirement in matchExpressions where !requirement.matches(labels[requirement.key]) {
      return false
    }
    for requirement in matchFields {
      // Only `metadata.name` is a supported field; any other field selects nothing.
      guard requirement.key == "metadata.name", requirement.matches(name) else { return false }
    }
    return true
  }

  /// The node names this term is limited to by `matchFields: metadata.name In`, or nil when it
  /// names none (upstream NodeAffinity PreFilter).
  var namedNodes: Set<String>? {
    var names: Set<String>?
    for requirement in matchFields
    where requirement.key == "metadata.name" && requirement.operator == .in {
      let values = Set(requirement.values)
      names = names.map { $0.intersection(values) } ?? values
    }
    return names
  }

  /// Reads a term from its YAML mapping.
  public init(_ node: Node) {
    func requirements(_ key: String) -> [Requirement] {
      node.list(key).map {
        Requirement(
          key: $0.string("key") ?? "", operator: Requirement.Operator($0.string("operator") ?? ""),
          values: $0.strings("values"))
      }
    }
    self.init(
      matchExpressions: requirements("matchExpressions"), matchFields: requirements("matchFields"))
  }
}
