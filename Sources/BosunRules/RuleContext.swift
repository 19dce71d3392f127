public import BosunCore
public import BosunModel
import BosunYAML

/// What a rule may look at besides the object it checks: every object of the run, the rule's
/// options, and lookups that make cross-object rules cheap.
public struct RuleContext: Sendable {
  /// Every object of the run, in input order.
  public let resources: [Resource]
  /// The rule's options, with defaults applied.
  public let options: RuleOptions
  /// Objects known to exist outside the input (from `.bosun.yaml`), so reference rules can
  /// accept them.
  public let externalNames: ExternalNames
  /// Lookups built once per run and shared by every rule's context.
  let index: RuleIndex

  /// Creates a context over a set of objects.
  public init(
    resources: [Resource], options: RuleOptions = RuleOptions(),
    externalNames: ExternalNames = ExternalNames()
  ) {
    self.resources = resources
    self.options = options
    self.externalNames = externalNames
    self.index = RuleIndex(resources)
  }

  /// The same objects with other options (the engine makes one per rule).
  public func with(options: RuleOptions) -> RuleContext {
    RuleContext(resources: resources, options: options, externalNames: externalNames, index: index)
  }

  private init(
    resources: [Resource], options: RuleOptions, externalNames: ExternalNames, index: RuleIndex
  ) {
    self.resources = resources
    self.options = options
    self.externalNames = externalNames
    self.index = index
  }

  /// The objects of a kind, optionally in one namespace.
  public func resources(kind: String, namespace: String? = nil) -> [Resource] {
    let positions =
      namespace.map { index.byKindAndNamespace[RuleIndex.Key(kind: kind, namespace: $0)] ?? [] }
      ?? index.byKind[kind] ?? []
    return positions.map { resources[$0] }
  }

  /// The object of a kind with a name, in a namespace (nil for cluster-scoped).
  public func resource(kind: String, name: String, namespace: String?) -> Resource? {
    index.byName[RuleIndex.NameKey(kind: kind, namespace: namespace, name: name)].map {
      resources[$0]
    }
  }

  /// The HorizontalPodAutoscaler whose scaleTargetRef names this object, if any.
  public func autoscaler(of object: Resource) -> Resource? {
    guard let name = object.identity.name else { return nil }
    let key = RuleIndex.NameKey(
      kind: object.identity.kind, namespace: object.identity.namespace, name: name)
    return index.autoscalersByTarget[key].map { resources[$0] }
  }

  /// What a reference by kind and name leads to.
  public enum Lookup: Sendable {
    /// An object of the input.
    case found(Resource)
    /// A name `.bosun.yaml` declares as existing outside the input.
    case external
    /// Nothing.
    case missing
  }

  /// Follows a reference: an object of the input first, then the external names.
  public func lookup(kind: String, name: String, namespace: String?) -> Lookup {
    if let found = resource(kind: kind, name: name, namespace: namespace) { return .found(found) }
    if externalNames.contains(kind: kind, name: name, namespace: namespace) { return .external }
    return .missing
  }

  /// Whether an object of a kind exists, in the input or declared external in `.bosun.yaml`.
  public func exists(kind: String, name: String, namespace: String?) -> Bool {
    resource(kind: kind, name: name, namespace: namespace) != nil
      || externalNames.contains(kind: kind, name: name, namespace: namespace)
  }
}

/// A rule's option values: what `.bosun.yaml` set, over the declared defaults.
public struct RuleOptions: Sendable {
  private var values: [String: Value]

  /// Creates options from values already validated against the rule's declarations.
  public init(_ values: [String: Value] = [:]) { self.values = values }

  /// A boolean option.
  public func bool(_ name: String, default fallback: Bool) -> Bool {
    if case .bool(let b) = values[name] { return b }
    return fallback
  }

  /// An integer option.
  public func int(_ name: String, default fallback: Int) -> Int {
    if case .int(let i) = values[name] { return Int(i) }
    return fallback
  }

  /// A string option.
  public func string(_ name: String, default fallback: String) -> String {
    values[name]?.stringValue ?? fallback
  }

  /// A list-of-strings option.
  public func strings(_ name: String, default fallback: [String]) -> [String] {
    if case .array(let items) = values[name] { return items.compactMap(\.stringValue) }
    return fallback
  }
}
