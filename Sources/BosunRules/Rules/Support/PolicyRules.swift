import BosunCore
import BosunModel
import BosunYAML

/// The `rules` of a Role or ClusterRole, each with its pointer.
struct PolicyRule {
  /// The rule's node and pointer.
  var rule: Located

  /// Kinds that carry policy rules.
  static let kinds: Set<String> = ["Role", "ClusterRole"]

  /// The rules of a role; empty for aggregated ClusterRoles, whose rules the controller fills.
  static func of(_ object: Resource) -> [PolicyRule] {
    guard object.node["aggregationRule"] == nil else { return [] }
    let rules = Located(node: object.node, pointer: .root)["rules"]?.items ?? []
    return rules.map(PolicyRule.init)
  }

  /// The items of a list field (`verbs`, `resources`, `apiGroups`).
  func items(_ field: String) -> [Located] { rule[field]?.items ?? [] }

  /// The values of a list field.
  func values(_ field: String) -> Set<String> { Set(rule.node[field]?.texts ?? []) }

  /// Whether the rule applies to the core API group.
  var coversCoreGroup: Bool {
    let groups = values("apiGroups")
    return groups.contains("") || groups.contains("*")
  }
}
