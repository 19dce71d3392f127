import BosunCore
import BosunModel
import BosunYAML

extension Node {
  /// The boolean a scalar means under YAML 1.1 typing, or nil.
  var boolValue: Bool? {
    if case .bool(let b) = resolved { return b }
    return nil
  }

  /// The integer a scalar means under YAML 1.1 typing, or nil.
  var intValue: Int64? {
    if case .int(let i) = resolved { return i }
    return nil
  }

  /// The text of a scalar that is not null; numbers keep their written form.
  var text: String? {
    guard !isNull else { return nil }
    return scalarText
  }

  /// The scalar texts of a sequence's items.
  var texts: [String] { (items ?? []).compactMap(\.text) }
}

/// Pointer and node together, for walking a manifest.
struct Located: Sendable {
  /// The node.
  var node: Node
  /// Its pointer relative to the object.
  var pointer: JSONPointer

  /// The child under `key`, if present.
  subscript(key: String) -> Located? {
    node[key].map { Located(node: $0, pointer: pointer.appending(key)) }
  }

  /// The items of a sequence, each with its pointer.
  var items: [Located] {
    (node.items ?? []).enumerated().map {
      Located(node: $1, pointer: pointer.appending($0))
    }
  }

  /// The deepest existing node along `keys`, starting here: where a missing field is reported.
  func deepest(_ keys: String...) -> Located {
    var current = self
    for key in keys {
      guard let next = current[key] else { return current }
      current = next
    }
    return current
  }
}

extension PodSpecs.Container {
  /// The container as a walkable node with its pointer.
  var located: Located { Located(node: node, pointer: pointer) }
}
