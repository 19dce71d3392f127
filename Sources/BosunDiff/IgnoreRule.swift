import BosunCore
public import BosunModel

/// A user's rule to leave fields out of the diff (`.bosun.yaml` `diff.ignore`): JSON pointers
/// (with `*` wildcards) on objects of one kind, optionally narrowed to a group, namespace or name.
public struct IgnoreRule: Hashable, Sendable {
  /// The kind it applies to; nil for every kind.
  public var kind: String?
  /// The API group; nil for any group.
  public var group: String?
  /// The namespace; nil for any.
  public var namespace: String?
  /// The name; nil for any.
  public var name: String?
  /// The fields to leave out.
  public var pointers: [ValuePattern]

  /// Creates a rule.
  public init(
    kind: String? = nil, group: String? = nil, namespace: String? = nil, name: String? = nil,
    pointers: [ValuePattern]
  ) {
    self.kind = kind
    self.group = group
    self.namespace = namespace
    self.name = name
    self.pointers = pointers
  }

  /// Parses the command-line form `SELECTOR:POINTER`, where the selector is `Kind`,
  /// `Kind/name` or `Kind/namespace/name` (`*` for any kind): `Deployment:/spec/replicas`,
  /// `Deployment/shop/web:/spec/template/metadata/annotations`. Nil when malformed.
  public init?(parsing text: String) {
    guard let colon = text.firstIndex(of: ":"),
      let pointer = ValuePattern(String(text[text.index(after: colon)...]))
    else { return nil }
    let selector = text[..<colon].split(separator: "/", omittingEmptySubsequences: false)
      .map(String.init)
    guard (1...3).contains(selector.count), !selector.contains(where: \.isEmpty) else {
      return nil
    }
    self.init(
      kind: selector[0] == "*" ? nil : selector[0],
      namespace: selector.count == 3 ? selector[1] : nil,
      name: selector.count >= 2 ? selector[selector.count - 1] : nil,
      pointers: [pointer])
  }

  /// Whether the rule applies to an object.
  public func applies(to identity: ObjectIdentity) -> Bool {
    (kind == nil || kind == identity.kind) && (group == nil || group == identity.group)
      && (namespace == nil || namespace == identity.namespace)
      && (name == nil || name == identity.name)
  }
}
