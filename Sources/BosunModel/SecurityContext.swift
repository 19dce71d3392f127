public import BosunCore

/// A pod's or a container's `securityContext`. Both share most fields; `fsGroup` and
/// `supplementalGroups` exist only on the pod, `privileged`, `allowPrivilegeEscalation`,
/// `readOnlyRootFilesystem` and `capabilities` only on the container.
public struct SecurityContext: Hashable, Sendable {
  /// `runAsUser`.
  public var runAsUser: Int?
  /// `runAsGroup`.
  public var runAsGroup: Int?
  /// `runAsNonRoot`.
  public var runAsNonRoot: Bool?
  /// `privileged` (container only).
  public var privileged: Bool?
  /// `allowPrivilegeEscalation` (container only).
  public var allowPrivilegeEscalation: Bool?
  /// `readOnlyRootFilesystem` (container only).
  public var readOnlyRootFilesystem: Bool?
  /// `capabilities.add` (container only).
  public var capabilitiesAdd: [String]
  /// `capabilities.drop` (container only).
  public var capabilitiesDrop: [String]
  /// `seccompProfile.type`.
  public var seccompProfileType: String?
  /// `fsGroup` (pod only).
  public var fsGroup: Int?
  /// `supplementalGroups` (pod only).
  public var supplementalGroups: [Int]
  /// Where the context is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    runAsUser = fields.int("runAsUser", bits: 64)
    runAsGroup = fields.int("runAsGroup", bits: 64)
    runAsNonRoot = fields.bool("runAsNonRoot")
    privileged = fields.bool("privileged")
    allowPrivilegeEscalation = fields.bool("allowPrivilegeEscalation")
    readOnlyRootFilesystem = fields.bool("readOnlyRootFilesystem")
    let capabilities = fields.object("capabilities")
    capabilitiesAdd = capabilities.strings("add")
    capabilitiesDrop = capabilities.strings("drop")
    seccompProfileType = fields.object("seccompProfile").string("type")
    fsGroup = fields.int("fsGroup", bits: 64)
    supplementalGroups = fields.items("supplementalGroups").compactMap { item in
      if case .int(let group) = item.node.resolved { return Int(group) }
      fields.log.wrongType(at: item.pointer, expected: "an integer", found: item.node)
      return nil
    }
    pointer = fields.pointer
  }
}
