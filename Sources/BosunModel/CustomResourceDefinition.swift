public import BosunCore
public import BosunYAML

/// An `apiextensions.k8s.io/v1` CustomResourceDefinition.
public struct CustomResourceDefinition: Equatable, Sendable {
  /// `spec.names`.
  public struct Names: Hashable, Sendable {
    /// `kind`.
    public var kind: String?
    /// `plural`.
    public var plural: String?
    /// `singular`.
    public var singular: String?
    /// `listKind`.
    public var listKind: String?
    /// `shortNames`.
    public var shortNames: [String]
    /// `categories`.
    public var categories: [String]
  }

  /// An entry of `spec.versions`.
  public struct Version: Equatable, Sendable {
    /// `name` (`v1alpha1`).
    public var name: String?
    /// `served`.
    public var served: Bool?
    /// `storage`.
    public var storage: Bool?
    /// `deprecated`.
    public var deprecated: Bool?
    /// `schema.openAPIV3Schema`, unparsed, for the schema stage to compile.
    public var schema: Node?
    /// Where `schema.openAPIV3Schema` is, present or not.
    public var schemaPointer: JSONPointer
    /// Whether `subresources.status` is set.
    public var hasStatusSubresource: Bool
    /// Whether `subresources.scale` is set.
    public var hasScaleSubresource: Bool
    /// Where the version is.
    public var pointer: JSONPointer
  }

  /// `metadata` (its name must be `<plural>.<group>`).
  public var metadata: ObjectMeta
  /// `spec.group`.
  public var group: String?
  /// `spec.names`.
  public var names: Names
  /// `spec.scope`: `Namespaced` or `Cluster`.
  public var scope: String?
  /// `spec.versions`.
  public var versions: [Version]
  /// `spec.conversion.strategy`.
  public var conversionStrategy: String?
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    group = spec.string("group")
    let names = spec.object("names")
    self.names = Names(
      kind: names.string("kind"), plural: names.string("plural"),
      singular: names.string("singular"), listKind: names.string("listKind"),
      shortNames: names.strings("shortNames"), categories: names.strings("categories"))
    scope = spec.string("scope")
    versions = spec.objects("versions") { version in
      let schema = version.object("schema")
      let subresources = version.object("subresources")
      return Version(
        name: version.string("name"), served: version.bool("served"),
        storage: version.bool("storage"), deprecated: version.bool("deprecated"),
        schema: schema.object("openAPIV3Schema").node,
        schemaPointer: schema.pointer("openAPIV3Schema"),
        hasStatusSubresource: subresources.raw("status") != nil,
        hasScaleSubresource: subresources.raw("scale") != nil, pointer: version.pointer)
    }
    conversionStrategy = spec.object("conversion").string("strategy")
    pointer = fields.pointer
  }

  /// Whether the custom kind is cluster-scoped.
  public var isClusterScoped: Bool { scope == "Cluster" }

  /// Reads a CustomResourceDefinition, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    CustomResourceDefinition, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, CustomResourceDefinition.init)
  }
}
