import BosunCore
import BosunModel
import BosunYAML

/// The Job spec of a Job or of a CronJob's job template.
enum JobSpecs {
  /// Kinds that carry a Job spec.
  static let kinds: Set<String> = ["Job", "CronJob"]

  /// The Job spec and its pointer.
  static func of(_ object: Resource) -> Located? {
    let pointer: JSONPointer =
      object.identity.kind == "CronJob" ? "/spec/jobTemplate/spec" : "/spec"
    guard kinds.contains(object.identity.kind), let node = object.node.node(at: pointer),
      node.pairs != nil
    else { return nil }
    return Located(node: node, pointer: pointer)
  }
}
