import BosunCore
public import BosunYAML

/// Schemas of custom resources, imported from CustomResourceDefinitions
/// (`apiextensions.k8s.io/v1`): one per served version of each definition.
public struct CustomResourceSchemas: Sendable {
  /// One imported custom resource version.
  public struct Definition: Sendable {
    /// API group.
    public var group: String
    /// Version within the group.
    public var version: String
    /// Kind.
    public var kind: String
    /// `Namespaced` or `Cluster`.
    public var scope: String
    /// The root schema, with `apiVersion`, `kind` and `metadata` as for every object.
    public var schema: SchemaNode
    /// The definition's `deprecationWarning`, or a default one, when the version is deprecated.
    public var deprecation: String?

    /// `group/version`.
    public var apiVersion: String { "\(group)/\(version)" }
  }

  private var definitions: [String: Definition] = [:]

  /// No custom resources.
  public init() {}

  /// Whether `root` is a CustomResourceDefinition this importer reads.
  public static func isDefinition(_ root: Node) -> Bool {
    root["kind"]?.scalarText == "CustomResourceDefinition"
      && root["apiVersion"]?.scalarText == "apiextensions.k8s.io/v1"
  }

  /// Every imported custom resource version, sorted by apiVersion and kind.
  public var all: [Definition] {
    definitions.values.sorted { ($0.apiVersion, $0.kind) < ($1.apiVersion, $1.kind) }
  }

  /// The schema of a custom resource, when a definition for it was imported.
  public func schema(apiVersion: String, kind: String) -> SchemaNode? {
    definitions[Self.key(apiVersion, kind)]?.schema
  }

  /// The imported definition of a custom resource.
  public func definition(apiVersion: String, kind: String) -> Definition? {
    definitions[Self.key(apiVersion, kind)]
  }

  private static func key(_ apiVersion: String, _ kind: String) -> String {
    "\(apiVersion) \(kind)"
  }

  /// Imports every served version of a CustomResourceDefinition. Returns findings about the
  /// definition itself (pointers into it), such as a served version without a schema.
  @discardableResult
  public mutating func add(definition root: Node, versions checked: VersionSet) -> [SchemaFinding] {
    var findings: [SchemaFinding] = []
    guard let spec = root["spec"], let group = spec["group"]?.scalarText,
      let kind = spec["names"]?["kind"]?.scalarText, let versions = spec["versions"]?.items
    else { return [] }
    let scope = spec["scope"]?.scalarText ?? "Namespaced"
    for (index, entry) in versions.enumerated() {
      guard let name = entry["name"]?.scalarText,
        entry["served"]?.resolved != .bool(false)
      else { continue }
      let pointer = JSONPointer.root.appending("spec").appending("versions").appending(index)
      var schema: SchemaNode
      if let openAPI = entry["schema"]?["openAPIV3Schema"] {
        schema = SchemaNode(openAPI: openAPI.toValue())
      } else {
        findings.append(
          SchemaFinding(
            code: "schema.unknown-kind", severity: .warning,
            message: "version \(name) has no openAPIV3Schema, so its resources are not checked",
            pointer: pointer, versions: checked))
        schema = .any
      }
      schema.type = .object
      var text = SchemaNode()
      text.type = .string
      schema.properties["apiVersion"] = SchemaVariants(text)
      schema.properties["kind"] = SchemaVariants(text)
      var metadata = SchemaNode()
      metadata.reference = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
      schema.properties["metadata"] = SchemaVariants(metadata)
      var deprecation: String?
      if entry["deprecated"]?.resolved == .bool(true) {
        deprecation =
          entry["deprecationWarning"]?.scalarText
          ?? "\(group)/\(name) \(kind) is deprecated by its CustomResourceDefinition"
      }
      let definition = Definition(
        group: group, version: name, kind: kind, scope: scope, schema: schema,
        deprecation: deprecation)
      definitions[Self.key(definition.apiVersion, kind)] = definition
      // `WidgetList` holds Widgets, as the API server serves it for every custom resource
      let listKind = spec["names"]?["listKind"]?.scalarText ?? kind + "List"
      var list = SchemaNode()
      list.type = .object
      list.properties = [
        "apiVersion": SchemaVariants(text), "kind": SchemaVariants(text),
        "metadata": SchemaVariants(SchemaNode.any),
      ]
      var items = SchemaNode()
      items.type = .array
      items.items = SchemaVariants(schema)
      list.properties["items"] = SchemaVariants(items)
      definitions[Self.key(definition.apiVersion, listKind)] = Definition(
        group: group, version: name, kind: listKind, scope: scope, schema: list,
        deprecation: deprecation)
    }
    return findings
  }
}

extension SchemaNode {
  /// Reads a structural OpenAPI v3 schema as CustomResourceDefinitions carry it.
  init(openAPI value: Value) {
    self.init()
    guard case .object(let pairs) = value else { return }
    for (key, value) in pairs {
      switch (key, value) {
      case ("type", .string(let name)): type = JSONType(rawValue: name)
      case ("format", .string(let name)): format = name
      case ("nullable", .bool(let flag)): nullable = flag
      case ("enum", .array(let values)): enumValues = values
      case ("properties", .object(let properties)):
        for (name, sub) in properties {
          self.properties[name] = SchemaVariants(SchemaNode(openAPI: sub))
        }
      case ("required", .array(let names)):
        required = names.compactMap(\.stringValue).map { Requirement(name: $0, versions: nil) }
      case ("items", _): items = SchemaVariants(SchemaNode(openAPI: value))
      case ("additionalProperties", .bool(let allowed)):
        additionalProperties = allowed ? .schema(SchemaVariants(.any)) : .forbidden
      case ("additionalProperties", .object):
        additionalProperties = .schema(
          SchemaVariants(SchemaNode(openAPI: value)))
      case ("x-kubernetes-int-or-string", .bool(let flag)): intOrString = flag
      case ("x-kubernetes-preserve-unknown-fields", .bool(let flag)): preserveUnknownFields = flag
      case ("x-kubernetes-embedded-resource", .bool(let flag)): embeddedResource = flag
      case ("x-kubernetes-list-type", .string(let name)): listType = name
      case ("x-kubernetes-list-map-keys", .array(let keys)):
        listMapKeys = keys.compactMap(\.stringValue)
      case ("x-kubernetes-map-type", .string(let name)): mapType = name
      case ("minimum", _): minimum = value.number
      case ("maximum", _): maximum = value.number
      case ("exclusiveMinimum", .bool(let flag)): exclusiveMinimum = flag
      case ("exclusiveMaximum", .bool(let flag)): exclusiveMaximum = flag
      case ("minLength", _): minLength = value.number.map { Int($0) }
      case ("maxLength", _): maxLength = value.number.map { Int($0) }
      case ("minItems", _): minItems = value.number.map { Int($0) }
      case ("maxItems", _): maxItems = value.number.map { Int($0) }
      case ("maxProperties", _): maxProperties = value.number.map { Int($0) }
      case ("pattern", .string(let text)): pattern = text
      case ("x-kubernetes-validations", .array(let rules)):
        validationRules = rules.compactMap { rule in
          rule["rule"]?.stringValue.map {
            ValidationRule(
              rule: $0, message: rule["message"]?.stringValue,
              fieldPath: rule["fieldPath"]?.stringValue)
          }
        }
      case ("default", _): defaultValue = value
      case ("anyOf", _), ("oneOf", _), ("allOf", _), ("not", _): hasCombinators = true
      default: break
      }
    }
  }
}

extension Value {
  /// The value as a Double, for numbers.
  var number: Double? {
    switch self {
    case .int(let i): Double(i)
    case .double(let d): d
    default: nil
    }
  }
}
