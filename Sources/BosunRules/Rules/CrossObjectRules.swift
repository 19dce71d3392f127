/// Rules that look at more than one object: metadata consistency, selectors and references.
enum CrossObjectRules {
  static let all: [any Rule.Type] = [
    // metadata
    DefaultNamespaceRule.self,
    RequiredLabelsRule.self,
    TemplateLabelsConsistentRule.self,
    // references
    ConfigMapReferenceRule.self,
    PersistentVolumeClaimReferenceRule.self,
    SecretReferenceRule.self,
    ServiceAccountReferenceRule.self,
  ]
}
