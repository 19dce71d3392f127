import BosunCore
import BosunYAML

/// Derives variants of an example manifest for `RuleVerifier`: as JSON, with a suppression
/// annotation, or after an unrelated document.
enum ExampleRewriter {
  /// The name of the object in `unrelatedDocument`.
  static let unrelatedName = "unrelated-prefix"

  /// A comment and a document that no rule should find anything in relation to, placed before
  /// an example to move it down the file.
  static let unrelatedDocument = """
    # an unrelated document first, so every line below moves down
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: \(unrelatedName)
      namespace: \(unrelatedName)
    data:
      note: unrelated
    ---

    """

  /// Each document as pretty JSON, separated by `---`.
  static func json(of manifest: String) -> String {
    roots(manifest).map { $0.toValue().jsonText() }.joined(separator: "\n---\n") + "\n"
  }

  /// The manifest as JSON with `key: value` added to the annotations of every object, or of
  /// every pod template.
  static func annotated(_ manifest: String, key: String, value: String, onTemplate: Bool)
    -> String
  {
    roots(manifest).map { root in
      eachObject(root) { annotate($0, key: key, value: value, onTemplate) }.toValue().jsonText()
    }.joined(separator: "\n---\n") + "\n"
  }

  private static func roots(_ manifest: String) -> [Node] {
    YAMLParser.parse(Array(manifest.utf8), file: "example.yaml").documents.map(\.root).filter {
      !$0.isNull
    }
  }

  private static func eachObject(_ root: Node, _ change: (Node) -> Node) -> Node {
    let kind = root["kind"]?.scalarText ?? ""
    guard kind.hasSuffix("List"), let items = root["items"]?.items else { return change(root) }
    return root.setting(["items"], to: Node(.sequence(items.map(change)), mark: root.mark, style: .block))
  }

  private static func annotate(_ object: Node, key: String, value: String, _ onTemplate: Bool)
    -> Node
  {
    let kind = object["kind"]?.scalarText ?? ""
    var path: [String] = ["metadata"]
    if onTemplate {
      guard let template = PodSpecs.templatePointer(kind: kind) else {
        return kind == "Pod" ? annotate(object, key: key, value: value, false) : object
      }
      path = template.tokens.map(\.text) + ["metadata"]
    }
    let scalar = Node(.scalar(value), mark: object.mark, style: .doubleQuoted)
    return object.setting(path + ["annotations", key], to: scalar)
  }
}

extension Node {
  /// A copy with the value at a path of keys replaced, creating missing mappings on the way.
  func setting(_ path: [String], to value: Node) -> Node {
    guard let first = path.first else { return value }
    var pairs = self.pairs ?? []
    if let index = pairs.lastIndex(where: { $0.key.scalarText == first }) {
      pairs[index].value = pairs[index].value.setting(Array(path.dropFirst()), to: value)
    } else {
      let empty = Node(.mapping([]), mark: mark, style: .block)
      pairs.append(
        Pair(
          key: Node(.scalar(first), mark: mark, style: .plain),
          value: empty.setting(Array(path.dropFirst()), to: value)))
    }
    return Node(.mapping(pairs), mark: mark, style: style == .flow ? .block : style)
  }
}
