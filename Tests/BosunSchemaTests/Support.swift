import BosunCore
import BosunSchema
import BosunYAML

/// Parses one YAML document for a test.
func document(_ yaml: String) -> Node {
  let stream = YAMLParser.parse(Array(yaml.utf8), file: "test.yaml")
  precondition(stream.documents.count == 1, "expected one document")
  return stream.documents[0].root
}

/// Parses several YAML documents for a test.
func documents(_ yaml: String) -> [Node] {
  YAMLParser.parse(Array(yaml.utf8), file: "test.yaml").documents.map(\.root)
}

/// `1.31`.
func v(_ minor: Int) -> KubernetesVersion { KubernetesVersion(minor: minor) }

extension SchemaVerdict {
  /// The findings as `code pointer` lines, which is what tests pin.
  var codes: [String] { findings.map { "\($0.code) \($0.pointer)" } }

  /// The findings with a given code.
  func with(_ code: String) -> [SchemaFinding] { findings.filter { $0.code == code } }
}
