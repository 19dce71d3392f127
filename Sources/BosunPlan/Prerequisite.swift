import BosunCore
import BosunModel
import Foundation

/// What an object needs to exist before it: its Namespace, the CRD of its kind, the
/// ServiceAccount, ConfigMaps, Secrets and PVCs its pods read, the Role its binding grants, and
/// anything named in its `bosun.dev/depends-on` annotation.
enum Prerequisite: Hashable {
  /// A specific object.
  case object(ObjectKey)
  /// The CRD that defines this group and kind.
  case definition(group: String, kind: String)
  /// An object named by kind, namespace and name in `bosun.dev/depends-on`, any group.
  case named(kind: String, namespace: String, name: String)

  /// The annotation that declares extra prerequisites: `Kind/name` (same namespace) or
  /// `Kind/namespace/name`, separated by commas.
  static let annotation = "bosun.dev/depends-on"

  static let rbacGroup = "rbac.authorization.k8s.io"

  // Parsed once: every object that gets a step is read through them.
  private static let roleRefKind: JSONPointer = "/roleRef/kind"
  private static let roleRefName: JSONPointer = "/roleRef/name"
  private static let annotations: JSONPointer = "/metadata/annotations"

  /// The prerequisites of `object` (its whole value, or its node) with identity `identity`.
  static func of(_ identity: ObjectIdentity, object: some FieldSource) -> [Prerequisite] {
    var needs: [Prerequisite] = []
    let namespace = identity.namespace ?? ""
    if let ns = identity.namespace {
      needs.append(.object(.init(group: "", kind: "Namespace", namespace: "", name: ns)))
    }
    if !KindOrder.install.contains(identity.kind), !identity.group.isEmpty {
      needs.append(.definition(group: identity.group, kind: identity.kind))
    }
    if let template = PodTemplateReference.templatePointer(kind: identity.kind),
      let spec = object.value(at: template.appending("spec"))
    {
      for reference in PodTemplateReference.of(podSpec: spec) {
        needs.append(
          .object(
            .init(group: "", kind: reference.kind, namespace: namespace, name: reference.name)))
      }
    }
    if identity.kind == "RoleBinding" || identity.kind == "ClusterRoleBinding",
      identity.group == rbacGroup, let roleKind = object.value(at: roleRefKind)?.stringValue,
      let roleName = object.value(at: roleRefName)?.stringValue
    {
      needs.append(
        .object(
          .init(
            group: rbacGroup, kind: roleKind, namespace: roleKind == "Role" ? namespace : "",
            name: roleName)))
    }
    if let declared = object.value(at: annotations)?[annotation]?.stringValue {
      for entry in declared.split(separator: ",") {
        let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: "/").map(
          String.init)
        if parts.count == 2 {
          needs.append(.named(kind: parts[0], namespace: namespace, name: parts[1]))
        } else if parts.count == 3 {
          needs.append(.named(kind: parts[0], namespace: parts[1], name: parts[2]))
        }
      }
    }
    return needs
  }
}
