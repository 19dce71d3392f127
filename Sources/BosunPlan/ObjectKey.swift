import BosunModel

/// Group, kind, namespace and name: what makes two objects the same on a cluster.
struct ObjectKey: Hashable {
  var group: String
  var kind: String
  var namespace: String
  var name: String

  init(group: String, kind: String, namespace: String, name: String) {
    self.group = group
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  /// The key of an identity; nil when it has only a `generateName`.
  init?(_ identity: ObjectIdentity) {
    guard let name = identity.name else { return nil }
    self.init(
      group: identity.group, kind: identity.kind, namespace: identity.namespace ?? "", name: name)
  }
}
