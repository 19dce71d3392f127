/// Rules that look at more than one object: metadata consistency, selectors and references.
enum CrossObjectRules {
  static let all: [any Rule.Type] = [
    // metadata
    DefaultNamespaceRule.self,
    RequiredLabelsRule.self,
    TemplateLabelsConsistentRule.self,
    // references
    ConfigMapReferenceRule.self,
    HorizontalPodAutoscalerReplicasRule.self,
    HorizontalPodAutoscalerRequestsRule.self,
    HorizontalPodAutoscalerTargetRule.self,
    IngressBackendRule.self,
    NetworkPolicySelectorRule.self,
    PersistentVolumeClaimReferenceRule.self,
    PodDisruptionBudgetSelectorRule.self,
    SecretReferenceRule.self,
    ServiceAccountReferenceRule.self,
    ServiceSelectsPodsRule.self,
    ServiceTargetPortRule.self,
    StatefulSetServiceRule.self,
    WorkloadSelectorRule.self,
  ]
}
