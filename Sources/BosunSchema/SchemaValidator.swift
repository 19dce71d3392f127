import BosunCore
import BosunModel
public import BosunYAML

/// Validates documents against the Kubernetes API schemas of one or more versions.
///
/// Every problem is reported, not just the first, each with the JSON pointer of the offending
/// node and the versions it applies to, so a report can say "valid in 1.25–1.28; invalid in
/// 1.29–1.37". Scalars are typed as Kubernetes reads YAML (YAML 1.1, `Node.resolved`).
public struct SchemaValidator: Sendable {
  /// The built-in API schemas.
  public var catalog: SchemaCatalog
  /// Schemas of custom resources, from CustomResourceDefinitions.
  public var customResources: CustomResourceSchemas
  /// Unknown fields are errors (instead of warnings) and come with a suggestion.
  public var strict: Bool
  /// A kind without any schema is an error, even when it looks like a custom resource.
  public var requireSchemas: Bool

  /// Creates a validator.
  public init(
    catalog: SchemaCatalog, customResources: CustomResourceSchemas = CustomResourceSchemas(),
    strict: Bool = false, requireSchemas: Bool = false
  ) {
    self.catalog = catalog
    self.customResources = customResources
    self.strict = strict
    self.requireSchemas = requireSchemas
  }

  /// Validates one document (its root node, with `apiVersion` and `kind`) for each version.
  ///
  /// A document without a string `apiVersion` or `kind` gets no schema finding: the model stage
  /// reports it.
  public func validate(_ root: Node, versions: [KubernetesVersion]) -> SchemaVerdict {
    let checked = VersionSet(versions)
    guard let apiVersion = root["apiVersion"]?.scalarText, let kind = root["kind"]?.scalarText
    else { return SchemaVerdict(findings: [], checked: checked) }
    var byFinding: [SchemaWalk.Finding: VersionSet] = [:]
    var order: [SchemaWalk.Finding] = []
    for version in checked.versions {
      var walk = SchemaWalk(validator: self, version: version)
      walk.checkDocument(root, apiVersion: apiVersion, kind: kind, at: .root)
      for finding in walk.findings {
        if byFinding[finding] == nil { order.append(finding) }
        byFinding[finding, default: .empty].insert(version)
      }
    }
    let findings = order.map { finding in
      SchemaFinding(
        code: finding.code, severity: finding.severity, message: finding.message,
        pointer: finding.pointer, versions: byFinding[finding]!, suggestion: finding.suggestion)
    }.sorted { ($0.pointer, $0.code, $0.message) < ($1.pointer, $1.code, $1.message) }
    return SchemaVerdict(findings: findings, checked: checked)
  }

  /// Validates a set of documents in one pass: CustomResourceDefinitions among them are
  /// imported first, so custom resources defined in the same input are checked against them.
  public func validate(documents roots: [Node], versions: [KubernetesVersion]) -> [SchemaVerdict] {
    var validator = self
    var importFindings: [Int: [SchemaFinding]] = [:]
    let checked = VersionSet(versions)
    for (index, root) in roots.enumerated() where CustomResourceSchemas.isDefinition(root) {
      importFindings[index] = validator.customResources.add(definition: root, versions: checked)
    }
    return roots.enumerated().map { index, root in
      var verdict = validator.validate(root, versions: versions)
      verdict.findings += importFindings[index] ?? []
      return verdict
    }
  }
}

/// One walk over a document for one Kubernetes version.
struct SchemaWalk {
  struct Finding: Hashable {
    var code: String
    var severity: Severity
    var message: String
    var pointer: JSONPointer
    var suggestion: String?
  }

  let validator: SchemaValidator
  let version: KubernetesVersion
  /// Built-in objects read `null` as "absent"; custom resources check nullability.
  var builtIn = true
  var findings: [Finding] = []

  init(validator: SchemaValidator, version: KubernetesVersion) {
    self.validator = validator
    self.version = version
  }

  var catalog: SchemaCatalog { validator.catalog }

  mutating func report(
    _ code: String, _ severity: Severity, _ message: String, at pointer: JSONPointer,
    suggestion: String? = nil
  ) {
    findings.append(
      Finding(
        code: code, severity: severity, message: message, pointer: pointer, suggestion: suggestion))
  }

  // MARK: - Documents

  /// Finds the schema of `apiVersion`/`kind` for this version and checks `root` against it.
  mutating func checkDocument(
    _ root: Node, apiVersion: String, kind: String, at pointer: JSONPointer
  ) {
    if let custom = validator.customResources.definition(apiVersion: apiVersion, kind: kind) {
      if let deprecation = custom.deprecation {
        report("schema.deprecated-api", .warning, deprecation, at: pointer.appending("apiVersion"))
      }
      let saved = builtIn
      builtIn = false
      check(root, custom.schema, at: pointer)
      builtIn = saved
      return
    }
    if apiVersion == "v1", kind == "List" {
      checkList(root, at: pointer)
      return
    }
    let lifecycle = APILifecycle.status(apiVersion: apiVersion, kind: kind, catalog: catalog)
    if let schema = catalog.schema(apiVersion: apiVersion, kind: kind, version: version) {
      if let deprecated = lifecycle.deprecatedIn, deprecated <= version {
        report(
          "schema.deprecated-api", .warning, lifecycle.advice(at: version, catalog: catalog),
          at: pointer.appending("apiVersion"))
      }
      check(root, schema, at: pointer)
      return
    }
    let at = pointer.appending("apiVersion")
    if lifecycle.isGone(at: version) {
      report(
        "schema.removed-api", .error, lifecycle.advice(at: version, catalog: catalog), at: at)
    } else if let first = lifecycle.servedIn.oldest, version < first {
      report(
        "schema.unserved-api", .error, "\(apiVersion) \(kind) is not served before \(first)",
        at: at)
    } else {
      let group = ObjectIdentity.split(apiVersion: apiVersion).group
      let severity: Severity =
        validator.requireSchemas || catalog.builtInGroups.contains(group) ? .error : .warning
      let known = catalog.entries(kind: kind).filter { $0.versions.contains(version) }
      var message = "no schema for \(apiVersion) \(kind)"
      if let other = known.first {
        message += "; \(kind) is served as \(other.apiVersion)"
      } else if !catalog.builtInGroups.contains(group) {
        message += "; pass its CustomResourceDefinition with --crd"
      }
      report("schema.unknown-kind", severity, message, at: at)
    }
  }

  /// `kind: List` (what `kubectl get -o yaml` prints) has no schema of its own: each item is
  /// checked as a document of its own kind.
  mutating func checkList(_ root: Node, at pointer: JSONPointer) {
    guard let items = root["items"]?.items else {
      if let value = root["items"], !value.isNull {
        typeMismatch(value, expected: "a list", at: pointer.appending("items"))
      }
      return
    }
    for (index, item) in items.enumerated() {
      let at = pointer.appending("items").appending(index)
      guard let apiVersion = item["apiVersion"]?.scalarText, let kind = item["kind"]?.scalarText
      else {
        report("schema.required", .error, "a List item needs apiVersion and kind", at: at)
        continue
      }
      checkDocument(item, apiVersion: apiVersion, kind: kind, at: at)
    }
  }

  // MARK: - Nodes

  /// Checks any node against a schema node (references resolved here).
  mutating func check(_ node: Node, _ schema: SchemaNode, at pointer: JSONPointer) {
    guard let s = catalog.resolve(schema, for: version) else { return }
    if !s.validationRules.isEmpty, !node.isNull {
      checkRules(node, s, at: pointer)
    }
    if node.isNull {
      if !builtIn && !s.nullable && s.type != nil {
        report("schema.type", .error, "expected \(s.type!.phrase), found null", at: pointer)
      }
      return
    }
    if s.intOrString {
      checkIntOrString(node, s, at: pointer)
      return
    }
    if s.format == "quantity" && (s.type == nil || s.type == .string) {
      checkQuantity(node, at: pointer)
      return
    }
    switch s.type {
    case .object: checkObject(node, s, at: pointer)
    case .array: checkArray(node, s, at: pointer)
    case .string: checkString(node, s, at: pointer)
    case .integer, .number, .boolean: checkNumberOrBool(node, s, at: pointer)
    case nil:
      if node.pairs != nil, !s.properties.isEmpty || s.embeddedResource {
        checkObject(node, s, at: pointer)
      }
    }
  }

  /// Evaluates the `x-kubernetes-validations` rules the CEL subset can decide, on the value with
  /// schema defaults applied (as the API server does before validation); the others are
  /// reported, for information, as not evaluated.
  mutating func checkRules(_ node: Node, _ s: SchemaNode, at pointer: JSONPointer) {
    let value = catalog.defaulted(node.toValue(), s, version: version)
    var undecided = 0
    for rule in s.validationRules {
      switch rule.evaluate(self: value) {
      case true?: continue
      case false?:
        var at = pointer
        for name in (rule.fieldPath ?? "").split(separator: ".") { at = at.appending(String(name)) }
        report(
          "schema.validation-rule", .error, rule.message ?? "failed rule: \(rule.rule)", at: at)
      case nil: undecided += 1
      }
    }
    if undecided > 0 {
      report(
        "schema.not-evaluated", .info,
        "\(undecided) x-kubernetes-validations rule\(undecided == 1 ? "" : "s") not evaluated",
        at: pointer)
    }
  }

  mutating func typeMismatch(_ node: Node, expected: String, at pointer: JSONPointer) {
    report("schema.type", .error, "expected \(expected), found \(node.typePhrase)", at: pointer)
  }
}

extension SchemaNode.JSONType {
  /// `a string`, `an integer`, ...
  var phrase: String {
    switch self {
    case .object: "a mapping"
    case .array: "a list"
    case .string: "a string"
    case .integer: "an integer"
    case .number: "a number"
    case .boolean: "a boolean"
    }
  }
}

extension Node {
  /// What the node is, for messages: `a mapping`, `the boolean true`, `the string "80"`.
  var typePhrase: String {
    switch content {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let text):
      switch resolved {
      case .null: return "null"
      case .bool(let b): return "the boolean \(b)"
      case .int: return "the integer \(text)"
      case .float: return "the number \(text)"
      case .string, .none: return "the string \"\(text)\""
      }
    }
  }
}
