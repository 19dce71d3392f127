public import BosunCore
public import BosunModel
import BosunSchema

/// The `default` values of custom resource schemas, read from CustomResourceDefinitions, applied
/// to custom resources the way the API server applies them before it stores or returns one.
///
/// Mirrors apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go (`Default`): a
/// property's default fills it when it is absent, or null and the property is not `nullable`,
/// in an object that exists (no parent is created); the defaults under `items` and
/// `additionalProperties` apply to every item and value, and to a null one that is not
/// `nullable`; a filled-in default is defaulted in turn. prunenulls.go first drops the other
/// non-nullable nulls; the normaliser drops every null afterwards, so that step is left out.
public struct CustomResourceDefaults: Sendable {
  /// Root schemas by `apiVersion` and kind; only those that hold a default somewhere.
  private var schemas: [String: SchemaNode] = [:]

  /// No definitions.
  public init() {}

  /// Reads the definitions among `recorded`, then among `manifests`. A manifest's definition
  /// replaces the recorded one of the same name, since the server uses it once it is applied.
  public init(recorded: some Sequence<Resource>, manifests: [Resource]) {
    var byName: [String: Resource] = [:]
    for resource in recorded.filter(Self.isDefinition) + manifests.filter(Self.isDefinition) {
      if let name = resource.identity.name { byName[name] = resource }
    }
    var imported = CustomResourceSchemas()
    for (_, resource) in byName.sorted(by: { $0.key < $1.key }) {
      imported.add(definition: resource.node, versions: .empty)
    }
    for definition in imported.all where Self.holdsDefault(definition.schema) {
      schemas[Self.key(definition.apiVersion, definition.kind)] = definition.schema
    }
  }

  /// Whether no definition read gives a default.
  public var isEmpty: Bool { schemas.isEmpty }

  /// Fills in the defaults of the object's version (its `apiVersion`) and kind; no effect on
  /// objects no definition describes.
  public func apply(to object: inout Value) {
    guard !schemas.isEmpty, let apiVersion = object["apiVersion"]?.stringValue,
      let kind = object["kind"]?.stringValue, let schema = schemas[Self.key(apiVersion, kind)]
    else { return }
    Self.fill(&object, schema: schema)
  }

  /// `Default(x, s)` of algorithm.go, on one value.
  static func fill(_ value: inout Value, schema: SchemaNode) {
    switch value {
    case .object(var pairs):
      value = .null  // drop the reference so the edits below do not copy the tree
      for (name, variants) in schema.properties.sorted(by: { $0.key < $1.key }) {
        guard let property = variants.variants.first, let fallback = property.defaultValue
        else { continue }
        if let index = pairs.firstIndex(where: { $0.key == name }) {
          if isNonNullableNull(pairs[index].value, property) { pairs[index].value = fallback }
        } else {
          pairs.append((key: name, value: fallback))
        }
      }
      for index in pairs.indices {
        if let property = schema.properties[pairs[index].key]?.variants.first {
          fill(&pairs[index].value, schema: property)
        } else if case .schema(let extra) = schema.additionalProperties,
          let entry = extra.variants.first
        {
          if isNonNullableNull(pairs[index].value, entry) {
            pairs[index].value = entry.defaultValue ?? .null
          }
          fill(&pairs[index].value, schema: entry)
        }
      }
      value = .object(pairs)
    case .array(var items):
      guard let item = schema.items?.variants.first else { return }
      value = .null
      for index in items.indices {
        if isNonNullableNull(items[index], item) { items[index] = item.defaultValue ?? .null }
        fill(&items[index], schema: item)
      }
      value = .array(items)
    default:
      return  // scalars hold nothing to default
    }
  }

  /// `isNonNullableNull` of algorithm.go.
  private static func isNonNullableNull(_ value: Value, _ schema: SchemaNode) -> Bool {
    value == .null && !schema.nullable
  }

  /// Whether a default appears anywhere in the schema, so that resources of kinds without one
  /// are not walked at all.
  static func holdsDefault(_ schema: SchemaNode) -> Bool {
    if schema.defaultValue != nil { return true }
    if schema.properties.values.contains(where: { $0.variants.contains(where: holdsDefault) }) {
      return true
    }
    if let items = schema.items, items.variants.contains(where: holdsDefault) { return true }
    if case .schema(let extra) = schema.additionalProperties {
      return extra.variants.contains(where: holdsDefault)
    }
    return false
  }

  private static func isDefinition(_ resource: Resource) -> Bool {
    resource.identity.kind == "CustomResourceDefinition"
      && resource.identity.group == "apiextensions.k8s.io"
      && CustomResourceSchemas.isDefinition(resource.node)
  }

  private static func key(_ apiVersion: String, _ kind: String) -> String {
    "\(apiVersion) \(kind)"
  }
}
