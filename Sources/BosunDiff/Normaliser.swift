public import BosunCore
public import BosunModel
public import BosunSchema

/// Brings one side of the diff into the form the API server would store, so that only real
/// differences remain (reference: prior-art §4): server-owned fields stripped, Secret
/// `stringData` folded into `data`, API defaults of the Kubernetes version applied (for custom
/// resources: the `default`s of their CustomResourceDefinition), the user's ignore rules
/// applied, and null, empty and absent maps and lists made the same.
public struct Normaliser: Sendable {
  /// The Kubernetes version whose defaults apply.
  public let kubernetesVersion: KubernetesVersion
  /// Fields the user leaves out of the diff.
  public var ignoreRules: [IgnoreRule]
  /// The schema defaults of custom resources.
  public var customResourceDefaults = CustomResourceDefaults()
  private let defaults: APIDefaults.Plan

  /// Creates a normaliser.
  public init(kubernetesVersion: KubernetesVersion, ignoreRules: [IgnoreRule] = []) {
    self.kubernetesVersion = kubernetesVersion
    self.ignoreRules = ignoreRules
    self.defaults = APIDefaults.plan(for: kubernetesVersion)
  }

  /// The first step, before any merge: strips server-owned fields and folds Secret
  /// `stringData`.
  public func prepare(_ object: Value, identity: ObjectIdentity) -> Value {
    var value = object
    ServerOwnedFields.strip(&value)
    if identity.kind == "Secret" && identity.group.isEmpty { SecretData.fold(&value) }
    return value
  }

  /// The last step: API defaults, ignore rules, then empties dropped.
  public func finish(_ object: Value, identity: ObjectIdentity) -> Value {
    var value = object
    if isBuiltIn(identity) {
      defaults.apply(to: &value, kind: identity.kind)
    } else {
      customResourceDefaults.apply(to: &value)
    }
    for rule in ignoreRules where rule.applies(to: identity) {
      for pointer in rule.pointers { pointer.remove(from: &value) }
    }
    return value.prunedOfEmpties()
  }

  /// Both steps, for an object that is not merged with another.
  public func normalise(_ object: Value, identity: ObjectIdentity) -> Value {
    finish(prepare(object, identity: identity), identity: identity)
  }

  /// Built-in kinds get the built-in defaults; a custom resource that happens to be called
  /// `Service` does not.
  private func isBuiltIn(_ identity: ObjectIdentity) -> Bool {
    Self.builtInGroups.contains(identity.group)
  }

  private static let builtInGroups: Set<String> = [
    "", "apps", "batch", "autoscaling", "networking.k8s.io", "policy",
    "rbac.authorization.k8s.io", "apiextensions.k8s.io", "storage.k8s.io",
  ]
}
