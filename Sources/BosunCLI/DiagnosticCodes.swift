import BosunCore
import BosunReport

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

  /// The descriptions of the codes that occur, plus every known code (so SARIF rule indexes are
  /// stable); codes without a description get a generic one.
  static func catalogue(for diagnostics: [Diagnostic]) -> [String: CodeInfo] {
    var result: [String: CodeInfo] = [:]
    for info in known { result[info.code] = info }
    for diagnostic in diagnostics where result[diagnostic.code] == nil {
      result[diagnostic.code] = CodeInfo(
        code: diagnostic.code, summary: diagnostic.code, defaultSeverity: diagnostic.severity)
    }
    return result
  }
}
