public import BosunCore

/// One node of an API schema: the facts the validator and the diff need, no prose.
///
/// Built-in schemas come from the bundled catalogue (see `schemas/README.md`); custom resources
/// get theirs from a CustomResourceDefinition's `openAPIV3Schema`.
public struct SchemaNode: Sendable {
  /// The JSON type a value must have.
  public enum JSONType: String, Sendable {
    case object, array, string, integer, number, boolean
  }

  /// What a mapping may hold besides its declared properties.
  public enum Extra: Sendable {
    /// Not said: unknown fields are dropped by the API server (an error under `strict`).
    case unspecified
    /// `additionalProperties: false`.
    case forbidden
    /// Every other key is a value of this schema (a `map[string]T`).
    case schema(SchemaVariants)
  }

  /// A property that must be present, in the versions given (nil: wherever the node exists).
  public struct Requirement: Sendable {
    /// The property name.
    public var name: String
    /// The versions in which it is required, when narrower than the node's.
    public var versions: VersionSet?
  }

  /// The versions this node exists in, when narrower than its parent's.
  public var versions: VersionSet?
  /// The name of the definition this node stands for, when it is a reference.
  public var reference: String?
  /// The JSON type; nil accepts any type (subject to the markers below).
  public var type: JSONType?
  /// Whether `null` is accepted.
  public var nullable = false
  /// `int32`, `int64`, `date-time`, `quantity`, `byte`, ...
  public var format: String?
  /// The allowed values, when enumerated.
  public var enumValues: [Value]?
  /// Declared properties, each possibly varying between versions.
  public var properties: [String: SchemaVariants] = [:]
  /// Required properties.
  public var required: [Requirement] = []
  /// The schema of array items.
  public var items: SchemaVariants?
  /// What the mapping may hold besides `properties`.
  public var additionalProperties: Extra = .unspecified
  /// `x-kubernetes-int-or-string`: an integer or a string.
  public var intOrString = false
  /// `x-kubernetes-preserve-unknown-fields`: fields not declared are kept and not checked.
  public var preserveUnknownFields = false
  /// `x-kubernetes-embedded-resource`: an object with its own apiVersion, kind and metadata.
  public var embeddedResource = false
  /// `x-kubernetes-list-type`: `atomic`, `set` or `map`.
  public var listType: String?
  /// `x-kubernetes-list-map-keys`: what identifies an item of a `map` list.
  public var listMapKeys: [String] = []
  /// `x-kubernetes-map-type`: `atomic` or `granular`.
  public var mapType: String?
  /// `x-kubernetes-patch-merge-key`: the key strategic merge patch matches items by.
  public var patchMergeKey: String?
  /// `x-kubernetes-patch-strategy`: `merge`, `replace`, `retainKeys`, ...
  public var patchStrategy: String?
  /// Numeric bounds (custom resource schemas).
  public var minimum: Double?
  /// Numeric bounds (custom resource schemas).
  public var maximum: Double?
  /// Whether `minimum` itself is excluded.
  public var exclusiveMinimum = false
  /// Whether `maximum` itself is excluded.
  public var exclusiveMaximum = false
  /// String length bounds, in characters (custom resource schemas).
  public var minLength: Int?
  /// String length bounds, in characters (custom resource schemas).
  public var maxLength: Int?
  /// Array size bounds (custom resource schemas).
  public var minItems: Int?
  /// Array size bounds (custom resource schemas).
  public var maxItems: Int?
  /// Property count bounds (custom resource schemas).
  public var maxProperties: Int?
  /// A regular expression strings must match (custom resource schemas).
  public var pattern: String?
  /// `x-kubernetes-validations` CEL rules; Bosun evaluates a small subset of them.
  public var validationRules: [ValidationRule] = []
  /// The `default` a custom resource schema gives, applied before rules are evaluated.
  public var defaultValue: Value?
  /// Whether the schema uses `anyOf`, `oneOf`, `allOf` or `not`, which Bosun does not evaluate.
  public var hasCombinators = false

  /// Creates an empty node, which accepts anything.
  public init() {}

  /// A node that accepts any value and keeps unknown fields.
  public static var any: SchemaNode {
    var node = SchemaNode()
    node.preserveUnknownFields = true
    node.nullable = true
    return node
  }

  /// Whether the named property is required in `version`.
  public func requires(_ name: String, in version: KubernetesVersion) -> Bool {
    required.contains { $0.name == name && ($0.versions?.contains(version) ?? true) }
  }
}

/// A schema that may take a different shape in different versions: one node per shape, with
/// disjoint version sets (a single node without versions applies everywhere).
public struct SchemaVariants: Sendable {
  /// The shapes, oldest first.
  public var variants: [SchemaNode]

  /// Wraps one node that applies in every version.
  public init(_ node: SchemaNode) { variants = [node] }

  /// Wraps several shapes.
  public init(variants: [SchemaNode]) { self.variants = variants }

  /// The shape used by `version`, or nil when the field does not exist in it.
  public func node(for version: KubernetesVersion) -> SchemaNode? {
    variants.first { $0.versions?.contains(version) ?? true }
  }

  /// The versions in which the field exists, within `scope`.
  public func versions(within scope: VersionSet) -> VersionSet {
    variants.reduce(VersionSet.empty) { $0.union($1.versions ?? scope) }.intersection(scope)
  }
}
