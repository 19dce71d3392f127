import BosunCore
import BosunReport
import BosunRules

/// The meaning of every diagnostic code the pipeline can emit before schemas and rules, for SARIF
/// rule metadata and `--format json`.
enum DiagnosticCodes {
  static let known: [CodeInfo] = [
    CodeInfo(code: "input.not-found", summary: "a path on the command line does not exist", defaultSeverity: .error),
    CodeInfo(code: "input.unreadable", summary: "a file or folder cannot be read", defaultSeverity: .error),
    CodeInfo(code: "input.symlink-loop", summary: "a symbolic link leads back into a folder being read", defaultSeverity: .warning),
    CodeInfo(code: "input.empty-file", summary: "a file holds no documents or only empty ones", defaultSeverity: .warning),
    CodeInfo(code: "input.no-objects", summary: "the input holds no Kubernetes object", defaultSeverity: .error),
    CodeInfo(code: "yaml.syntax", summary: "the YAML cannot be parsed", defaultSeverity: .error),
    CodeInfo(code: "yaml.encoding", summary: "the file is not valid UTF-8 (or UTF-16 with a BOM)", defaultSeverity: .error),
    CodeInfo(code: "yaml.tab", summary: "a tab character where YAML allows only spaces", defaultSeverity: .error),
    CodeInfo(code: "yaml.duplicate-key", summary: "a mapping has the same key twice; the last one wins", defaultSeverity: .warning),
    CodeInfo(code: "yaml.undefined-alias", summary: "an alias refers to no anchor defined before it", defaultSeverity: .error),
    CodeInfo(code: "yaml.alias-expansion", summary: "aliases expand past the limit (alias bomb)", defaultSeverity: .error),
    CodeInfo(code: "yaml.too-deep", summary: "nesting deeper than the limit", defaultSeverity: .error),
    CodeInfo(code: "yaml.too-large", summary: "a file or document larger than the limit", defaultSeverity: .error),
    CodeInfo(code: "yaml.complex-key", summary: "a mapping key that is a sequence or mapping", defaultSeverity: .error),
    CodeInfo(code: "yaml.merge", summary: "a merge key (<<) whose value is not a mapping or list of mappings", defaultSeverity: .error),
    CodeInfo(code: "object.not-a-mapping", summary: "a document or List item that is not an object", defaultSeverity: .error),
    CodeInfo(code: "object.missing-api-version", summary: "an object without apiVersion", defaultSeverity: .error),
    CodeInfo(code: "object.missing-kind", summary: "an object without kind", defaultSeverity: .error),
    CodeInfo(code: "object.missing-name", summary: "an object without metadata.name or generateName", defaultSeverity: .error),
    CodeInfo(code: "object.namespace-ignored", summary: "a namespace on a cluster-scoped object", defaultSeverity: .warning),
    CodeInfo(code: "object.invalid-name", summary: "a name the API server rejects for its kind", defaultSeverity: .error),
    CodeInfo(code: "object.label-key", summary: "a label key that is not a qualified name", defaultSeverity: .error),
    CodeInfo(code: "object.label-value", summary: "a label value the API server rejects", defaultSeverity: .error),
    CodeInfo(code: "object.annotation-key", summary: "an annotation key that is not a qualified name", defaultSeverity: .error),
    CodeInfo(code: "object.annotations-too-large", summary: "annotations larger than 256 KiB in total", defaultSeverity: .error),
    CodeInfo(code: "object.duplicate", summary: "the same object (group, kind, namespace, name) defined twice", defaultSeverity: .error),
  ]

  static let schemaCodes: [CodeInfo] = [
    CodeInfo(code: "schema.required", summary: "a required field is missing", defaultSeverity: .error),
    CodeInfo(code: "schema.type", summary: "a value of the wrong type", defaultSeverity: .error),
    CodeInfo(code: "schema.enum", summary: "a value outside the allowed set", defaultSeverity: .error),
    CodeInfo(code: "schema.format", summary: "a value in the wrong format (quantity, date-time, int32, ...)", defaultSeverity: .error),
    CodeInfo(code: "schema.range", summary: "a number outside its allowed range", defaultSeverity: .error),
    CodeInfo(code: "schema.pattern", summary: "a string that does not match its pattern", defaultSeverity: .error),
    CodeInfo(code: "schema.unknown-field", summary: "a field the API does not know (error with --strict)", defaultSeverity: .warning),
    CodeInfo(code: "schema.unknown-kind", summary: "an apiVersion/kind with no schema (error with --require-schemas)", defaultSeverity: .warning),
    CodeInfo(code: "schema.removed-api", summary: "an apiVersion no longer served by the checked or target version", defaultSeverity: .error),
    CodeInfo(code: "schema.unserved-api", summary: "an apiVersion not served by the checked version", defaultSeverity: .error),
    CodeInfo(code: "schema.deprecated-api", summary: "an apiVersion deprecated in the checked version", defaultSeverity: .warning),
    CodeInfo(code: "schema.duplicate-list-key", summary: "two list items with the same key (container name, port)", defaultSeverity: .error),
    CodeInfo(code: "schema.coerced-string", summary: "a plain yes/no/number where the API wants a string; quote it", defaultSeverity: .error),
    CodeInfo(code: "schema.validation-rule", summary: "a CRD x-kubernetes-validations rule fails", defaultSeverity: .error),
    CodeInfo(code: "schema.not-evaluated", summary: "a CRD validation rule Bosun cannot evaluate", defaultSeverity: .info),
  ]

  /// The descriptions of the codes that occur, plus every known code (so SARIF rule indexes are
  /// stable); codes without a description get a generic one.
  static func catalogue(for diagnostics: [Diagnostic], rules: Bool = false) -> [String: CodeInfo] {
    var result: [String: CodeInfo] = [:]
    for info in known + schemaCodes { result[info.code] = info }
    if rules {
      for rule in BuiltInRules.all {
        let description = rule.description
        result[description.id] = CodeInfo(
          code: description.id, summary: description.summary,
          defaultSeverity: description.severity, helpURI: "docs/rules.md#\(description.id)")
      }
    }
    for diagnostic in diagnostics where result[diagnostic.code] == nil {
      result[diagnostic.code] = CodeInfo(
        code: diagnostic.code, summary: diagnostic.code, defaultSeverity: diagnostic.severity)
    }
    return result
  }
}
