import BosunCore

extension SchemaCatalog {
  /// `value` with the `default`s of its schema filled in where fields are absent, recursively,
  /// as the API server defaults a custom resource before validating it
  /// (apiextensions-apiserver structural defaulting).
  func defaulted(_ value: Value, _ schema: SchemaNode, version: KubernetesVersion) -> Value {
    guard let s = resolve(schema, for: version) else { return value }
    switch value {
    case .object(var pairs):
      for index in pairs.indices {
        let name = pairs[index].key
        let property: SchemaNode?
        if let declared = s.properties[name] {
          property = declared.node(for: version)
        } else if case .schema(let values) = s.additionalProperties {
          property = values.node(for: version)
        } else {
          property = nil
        }
        if let property {
          pairs[index].value = defaulted(pairs[index].value, property, version: version)
        }
      }
      for (name, variants) in s.properties.sorted(by: { $0.key < $1.key })
      where !pairs.contains(where: { $0.key == name }) {
        if let property = variants.node(for: version), let fallback = property.defaultValue {
          pairs.append((key: name, value: defaulted(fallback, property, version: version)))
        }
      }
      return .object(pairs)
    case .array(let items):
      guard let item = s.items?.node(for: version) else { return value }
      return .array(items.map { defaulted($0, item, version: version) })
    default:
      return value
    }
  }
}
