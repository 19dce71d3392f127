import BosunCore
import BosunYAML

extension SchemaWalk {
  static let objectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"

  /// Checks a mapping: declared properties, additional properties, unknown fields, required
  /// fields and embedded resources.
  mutating func checkObject(_ node: Node, _ s: SchemaNode, at pointer: JSONPointer) {
    guard let pairs = node.pairs else {
      typeMismatch(node, expected: "a mapping", at: pointer)
      return
    }
    if s.embeddedResource {
      checkEmbedded(node, s, at: pointer)
      if s.properties.isEmpty { return }
    }
    let known = s.properties.compactMap { name, variants in
      variants.node(for: version) == nil ? nil : name
    }
    for pair in pairs {
      let name = pair.key.keyString
      let child = pointer.appending(name)
      if let variants = s.properties[name] {
        if let property = variants.node(for: version) {
          if pair.value.isNull && s.requires(name, in: version) {
            report("schema.required", .error, "required field `\(name)` is null", at: child)
          } else {
            check(pair.value, property, at: child)
          }
        } else {
          unknownField(
            name, known: [], at: child,
            existsIn: variants.versions(within: catalog.versions))
        }
        continue
      }
      switch s.additionalProperties {
      case .schema(let values):
        if let value = values.node(for: version) { check(pair.value, value, at: child) }
      case .forbidden:
        unknownField(name, known: known, at: child, forbidden: true)
      case .unspecified:
        // a built-in object without properties (FieldsV1, RawExtension) holds anything; in a
        // structural CRD schema the same node prunes every field it is given
        let freeForm = builtIn && s.properties.isEmpty && !s.embeddedResource
        if !s.preserveUnknownFields && !freeForm {
          unknownField(name, known: known, at: child)
        }
      }
    }
    for requirement in s.required where requirement.versions?.contains(version) ?? true {
      if node[requirement.name] == nil {
        report(
          "schema.required", .error, "missing required field `\(requirement.name)`", at: pointer)
      }
    }
    if let limit = s.maxProperties, pairs.count > limit {
      report("schema.range", .error, "has \(pairs.count) fields, more than \(limit)", at: pointer)
    }
  }

  mutating func unknownField(
    _ name: String, known: [String], at pointer: JSONPointer, forbidden: Bool = false,
    existsIn: VersionSet? = nil
  ) {
    let severity: Severity = validator.strict || forbidden ? .error : .warning
    var message = "unknown field `\(name)`"
    if let existsIn {
      message = "field `\(name)` exists only in Kubernetes \(existsIn)"
    }
    var suggestion: String?
    if validator.strict, existsIn == nil,
      let nearest = FieldSuggestion.nearest(to: name, among: known)
    {
      suggestion = nearest
      message += "; did you mean `\(nearest)`?"
    }
    report("schema.unknown-field", severity, message, at: pointer, suggestion: suggestion)
  }

  /// `x-kubernetes-embedded-resource`: a whole object inside another (a template), which needs
  /// its own apiVersion and kind, and whose metadata is ObjectMeta. When it names a built-in
  /// kind and its schema declares nothing else, it is checked against that kind's schema.
  mutating func checkEmbedded(_ node: Node, _ s: SchemaNode, at pointer: JSONPointer) {
    for field in ["apiVersion", "kind"] where node[field] == nil {
      report("schema.required", .error, "missing required field `\(field)`", at: pointer)
    }
    guard s.properties.isEmpty else {
      if let metadata = node["metadata"] {
        var meta = SchemaNode()
        meta.reference = Self.objectMeta
        check(metadata, meta, at: pointer.appending("metadata"))
      }
      return
    }
    if let apiVersion = node["apiVersion"]?.scalarText, let kind = node["kind"]?.scalarText,
      catalog.schema(apiVersion: apiVersion, kind: kind, version: version) != nil
    {
      let saved = builtIn
      builtIn = true
      checkDocument(node, apiVersion: apiVersion, kind: kind, at: pointer)
      builtIn = saved
    } else if let metadata = node["metadata"] {
      var meta = SchemaNode()
      meta.reference = Self.objectMeta
      check(metadata, meta, at: pointer.appending("metadata"))
    }
  }

  /// Checks a sequence: items, size bounds, and uniqueness of map-list keys and set items.
  mutating func checkArray(_ node: Node, _ s: SchemaNode, at pointer: JSONPointer) {
    guard let items = node.items else {
      typeMismatch(node, expected: "a list", at: pointer)
      return
    }
    if let itemSchema = s.items?.node(for: version) {
      for (index, item) in items.enumerated() {
        check(item, itemSchema, at: pointer.appending(index))
      }
    }
    if let minimum = s.minItems, items.count < minimum {
      report("schema.range", .error, "has \(items.count) items, fewer than \(minimum)", at: pointer)
    }
    if let maximum = s.maxItems, items.count > maximum {
      report("schema.range", .error, "has \(items.count) items, more than \(maximum)", at: pointer)
    }
    let listName = pointer.tokens.last?.text ?? "list"
    let validated =
      builtIn ? Self.uniqueByValidation(list: listName, items: s.items?.node(for: version)) : nil
    if let keys = validated {
      checkUniqueKeys(items, keys: keys, listName: listName, severity: .error, at: pointer)
    } else if s.listType == "map", !s.listMapKeys.isEmpty {
      // API validation accepts these (the ingress-nginx manifests repeat a container port),
      // but server-side apply rejects them; custom resources reject them outright
      checkUniqueKeys(
        items, keys: s.listMapKeys, listName: listName, severity: builtIn ? .warning : .error,
        at: pointer)
    } else if s.listType == "set" {
      var seen: [Value: Int] = [:]
      for (index, item) in items.enumerated() {
        let value = item.toValue()
        if let first = seen[value] {
          report(
            "schema.duplicate-list-key", .error,
            "duplicate item in `\(listName)` (same as index \(first))", at: pointer.appending(index)
          )
        } else {
          seen[value] = index
        }
      }
    }
  }

  /// Lists whose items API validation requires to be unique in every version, although older
  /// schemas do not declare them as `map` lists. Mirrors pkg/apis/core/validation: container,
  /// volume and mount names ("Duplicate value"), and Service ports by port and protocol.
  static func uniqueByValidation(list: String, items: SchemaNode?) -> [String]? {
    switch (list, items?.reference) {
    case ("containers", "io.k8s.api.core.v1.Container"),
      ("initContainers", "io.k8s.api.core.v1.Container"),
      ("ephemeralContainers", "io.k8s.api.core.v1.EphemeralContainer"),
      ("volumes", "io.k8s.api.core.v1.Volume"):
      return ["name"]
    case ("volumeMounts", "io.k8s.api.core.v1.VolumeMount"): return ["mountPath"]
    case ("ports", "io.k8s.api.core.v1.ServicePort"): return ["port", "protocol"]
    default: return nil
    }
  }

  /// Items of a keyed list are identified by their keys; two items with the same keys are
  /// rejected by server-side apply ("duplicate entries for key"), and for some lists by API
  /// validation too.
  mutating func checkUniqueKeys(
    _ items: [Node], keys: [String], listName: String, severity: Severity,
    at pointer: JSONPointer
  ) {
    var seen: [[Value]: Int] = [:]
    for (index, item) in items.enumerated() where item.pairs != nil {
      let identity = keys.map { key -> Value in
        if let value = item[key], !value.isNull { return value.toValue() }
        // mirrors pkg/apis/core/v1/defaults.go: a port's protocol defaults to TCP, so
        // `containerPort: 80` and `containerPort: 80, protocol: TCP` name the same port
        return key == "protocol" ? .string("TCP") : .null
      }
      if let first = seen[identity] {
        let described = zip(keys, identity).map { "\($0)=\($1.shortText)" }.joined(separator: ", ")
        report(
          "schema.duplicate-list-key", severity,
          "duplicate item in `\(listName)`: \(described) (also at index \(first))",
          at: pointer.appending(index))
      } else {
        seen[identity] = index
      }
    }
  }
}

extension Value {
  /// A short rendering for messages: strings quoted, numbers and booleans bare.
  var shortText: String {
    switch self {
    case .null: "null"
    case .bool(let b): String(b)
    case .int(let i): String(i)
    case .double(let d): String(d)
    case .string(let s): "\"\(s)\""
    case .array: "[…]"
    case .object: "{…}"
    }
  }
}
