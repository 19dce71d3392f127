public import BosunCore
public import BosunYAML

/// An `rbac.authorization.k8s.io/v1` RoleBinding or ClusterRoleBinding.
public struct RoleBinding: Equatable, Sendable {
  /// An entry of `subjects`.
  public struct Subject: Hashable, Sendable {
    /// `kind`: `User`, `Group` or `ServiceAccount`.
    public var kind: String?
    /// `name`.
    public var name: String?
    /// `namespace` (ServiceAccount subjects).
    public var namespace: String?
    /// `apiGroup`.
    public var apiGroup: String?
    /// Where the subject is.
    public var pointer: JSONPointer
  }

  /// `roleRef`.
  public struct RoleReference: Hashable, Sendable {
    /// `apiGroup`.
    public var apiGroup: String?
    /// `kind`: `Role` or `ClusterRole`.
    public var kind: String?
    /// `name`.
    public var name: String?
    /// Where the reference is.
    public var pointer: JSONPointer
  }

  /// Whether this is a ClusterRoleBinding.
  public var isClusterRoleBinding: Bool
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `subjects`.
  public var subjects: [Subject]
  /// `roleRef`.
  public var roleRef: RoleReference
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader, isClusterRoleBinding: Bool) {
    self.isClusterRoleBinding = isClusterRoleBinding
    metadata = ObjectMeta(fields.object("metadata"))
    subjects = fields.objects("subjects") {
      Subject(
        kind: $0.string("kind"), name: $0.string("name"), namespace: $0.string("namespace"),
        apiGroup: $0.string("apiGroup"), pointer: $0.pointer)
    }
    let ref = fields.object("roleRef")
    roleRef = RoleReference(
      apiGroup: ref.string("apiGroup"), kind: ref.string("kind"), name: ref.string("name"),
      pointer: ref.pointer)
    pointer = fields.pointer
  }

  /// Reads a RoleBinding or ClusterRoleBinding, with an issue for every field of the wrong
  /// shape.
  public static func decode(
    _ node: Node, at pointer: JSONPointer = .root, isClusterRoleBinding: Bool
  ) -> (RoleBinding, [ModelIssue]) {
    FieldReader.decode(node, at: pointer) {
      RoleBinding($0, isClusterRoleBinding: isClusterRoleBinding)
    }
  }
}
