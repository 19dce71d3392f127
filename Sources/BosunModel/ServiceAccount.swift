public import BosunCore
public import BosunYAML

/// A `v1` ServiceAccount.
public struct ServiceAccount: Equatable, Sendable {
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `automountServiceAccountToken`.
  public var automountServiceAccountToken: Bool?
  /// `secrets[].name`.
  public var secrets: [String]
  /// `imagePullSecrets[].name`.
  public var imagePullSecrets: [String]
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    automountServiceAccountToken = fields.bool("automountServiceAccountToken")
    secrets = fields.objects("secrets").compactMap { $0.string("name") }
    imagePullSecrets = fields.objects("imagePullSecrets").compactMap { $0.string("name") }
    pointer = fields.pointer
  }

  /// Reads a ServiceAccount, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    ServiceAccount, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, ServiceAccount.init)
  }
}
