public import BosunCore
public import BosunYAML

/// An `rbac.authorization.k8s.io/v1` Role or ClusterRole.
public struct Role: Equatable, Sendable {
  /// An entry of `rules`.
  public struct PolicyRule: Hashable, Sendable {
    /// `apiGroups` (`""` is the core group, `*` all).
    public var apiGroups: [String]
    /// `resources` (`pods`, `pods/exec`, `*`).
    public var resources: [String]
    /// `verbs` (`get`, `list`, `*`).
    public var verbs: [String]
    /// `resourceNames`.
    public var resourceNames: [String]
    /// `nonResourceURLs` (ClusterRole only).
    public var nonResourceURLs: [String]
    /// Where the rule is.
    public var pointer: JSONPointer
  }

  /// Whether this is a ClusterRole.
  public var isClusterRole: Bool
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `rules`.
  public var rules: [PolicyRule]
  /// `aggregationRule.clusterRoleSelectors` (ClusterRole only).
  public var aggregationSelectors: [LabelSelector]
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader, isClusterRole: Bool) {
    self.isClusterRole = isClusterRole
    metadata = ObjectMeta(fields.object("metadata"))
    rules = fields.objects("rules") {
      PolicyRule(
        apiGroups: $0.strings("apiGroups"), resources: $0.strings("resources"),
        verbs: $0.strings("verbs"), resourceNames: $0.strings("resourceNames"),
        nonResourceURLs: $0.strings("nonResourceURLs"), pointer: $0.pointer)
    }
    aggregationSelectors = fields.object("aggregationRule").objects("clusterRoleSelectors")
      .compactMap(LabelSelector.read)
    pointer = fields.pointer
  }

  /// Reads a Role or ClusterRole, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root, isClusterRole: Bool)
    -> (Role, [ModelIssue])
  {
    FieldReader.decode(node, at: pointer) { Role($0, isClusterRole: isClusterRole) }
  }
}
