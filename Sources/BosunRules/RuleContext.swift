public import BosunCore
public import BosunModel
public import BosunYAML

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
  private let byKind: [String: [Int]]

  /// Creates a context over a set of objects.
  public init(
    resources: [Resource], options: RuleOptions = RuleOptions(),
    externalNames: ExternalNames = ExternalNames()
  ) {
    self.resources = resources
    self.options = options
    self.externalNames = externalNames
    var byKind: [String: [Int]] = [:]
    for (index, resource) in resources.enumerated() {
      byKind[resource.identity.kind, default: []].append(index)
    }
    self.byKind = byKind
  }

  /// The same objects with other options (the engine makes one per rule).
  public func with(options: RuleOptions) -> RuleContext {
    RuleContext(
      resources: resources, options: options, externalNames: externalNames, byKind: byKind)
  }

  private init(
    resources: [Resource], options: RuleOptions, externalNames: ExternalNames,
    byKind: [String: [Int]]
  ) {
    self.resources = resources
    self.options = options
    self.externalNames = externalNames
    self.byKind = byKind
  }

  /// The objects of a kind, optionally in one namespace.
  public func resources(kind: String, namespace: String? = nil) -> [Resource] {
    (byKind[kind] ?? []).map { resources[$0] }.filter {
      namespace == nil || $0.identity.namespace == namespace
    }
  }

  /// The object of a kind with a name, in a namespace (nil for cluster-scoped).
  public func resource(kind: String, name: String, namespace: String?) -> Resource? {
    resources(kind: kind, namespace: namespace).first { $0.identity.name == name }
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
