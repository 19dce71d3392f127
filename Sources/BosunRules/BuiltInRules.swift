/// The hand-kept registry of built-in rules. A test fails when a rule type in `Rules/` is missing
/// from these lists, so a rule cannot be written and forgotten.
public enum BuiltInRules {
  /// Every built-in rule, in documentation order.
  public static let all: [any Rule.Type] = (CrossObjectRules.all + ObjectRules.all)
    .sorted { ($0.description.category, $0.description.id) < ($1.description.category, $1.description.id) }

  /// The rule with an id.
  public static func rule(id: String) -> (any Rule.Type)? {
    all.first { $0.description.id == id }
  }
}
