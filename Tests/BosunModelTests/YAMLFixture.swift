import BosunYAML

/// Parses one YAML document for a test; the text is indented like the Swift around it, so
/// common leading spaces are removed first.
func yaml(_ text: String) -> Node {
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  let indent =
    lines.filter { !$0.allSatisfy(\.isWhitespace) }
    .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
  let body = lines.map { $0.dropFirst(min(indent, $0.count)) }.joined(separator: "\n")
  let stream = YAMLParser.parse(Array(body.utf8), file: "test.yaml")
  precondition(stream.diagnostics.isEmpty, "fixture does not parse: \(stream.diagnostics)")
  return stream.documents[0].root
}
