/// Rules that look at one object: probes, resources, images, security, availability, RBAC,
/// jobs and networking.
enum ObjectRules {
  static let all: [any Rule.Type] = [
    // probes
    MissingReadinessProbeRule.self,
    MissingLivenessProbeRule.self,
    ProbePortRule.self,
    IdenticalProbesRule.self,
    ProbeHandlerRule.self,
    ProbeTimingRule.self,
    SlowStartRule.self,
    // resources
    ResourcesUnsetRule.self,
    LimitBelowRequestRule.self,
    SuspiciousQuantityRule.self,
    RequestsEqualLimitsRule.self,
    EphemeralStorageRule.self,
    // images
    LatestTagRule.self,
    PullPolicyRule.self,
    DigestPinningRule.self,
    AllowedRegistriesRule.self,
    // security
    PrivilegedContainerRule.self,
    PrivilegeEscalationRule.self,
    RunAsRootRule.self,
    ReadOnlyRootFilesystemRule.self,
    DropCapabilitiesRule.self,
    DangerousCapabilitiesRule.self,
    HostNamespacesRule.self,
    HostPathVolumeRule.self,
    HostPortRule.self,
    SeccompProfileRule.self,
    ServiceAccountTokenRule.self,
    LiteralCredentialsRule.self,
    PodSecurityRule.self,
    // availability
    MinimumReplicasRule.self,
    RollingUpdateRule.self,
    AutoscalerReplicasRule.self,
    AntiAffinityRule.self,
    BlockingDisruptionBudgetRule.self,
    MissingDisruptionBudgetRule.self,
    // rbac
    WildcardRule.self,
    ClusterAdminBindingRule.self,
    SensitiveResourceAccessRule.self,
    PrivilegeVerbsRule.self,
    // jobs
    CronScheduleRule.self,
    StartingDeadlineRule.self,
    ConcurrencyPolicyRule.self,
    BackoffLimitRule.self,
    TTLAfterFinishedRule.self,
    JobRestartPolicyRule.self,
    // networking
    ExposedServiceRule.self,
    DuplicatePortNameRule.self,
    ServicePortNameRule.self,
  ]
}
