import BosunCore
import BosunModel

/// Walks the normalised cluster copy and the predicted object side by side and lists the
/// field changes. Keyed lists are matched by key, never by index; a keyed list whose common
/// items only moved gets one `reordered` change.
struct StructuralDiff {
  let keys: ListKeys
  let apiVersion: String
  let kind: String
  /// Whether values under a path must stay hidden (Secret data).
  let isSensitive: ([String]) -> Bool
  private(set) var changes: [FieldChange] = []

  // Where the walk stands, as stacks pushed and popped on the way down and up, so that equal
  // subtrees cost no allocation: the schema path (`*` for list items), the pointers on the
  // predicted and live sides, and the readable path.
  private var schemaPath: [String] = []
  private var afterTokens: [JSONPointer.Token] = []
  private var beforeTokens: [JSONPointer.Token] = []
  private var labels: [String] = []

  init(keys: ListKeys, apiVersion: String, kind: String, isSensitive: @escaping ([String]) -> Bool)
  {
    self.keys = keys
    self.apiVersion = apiVersion
    self.kind = kind
    self.isSensitive = isSensitive
  }

  mutating func compare(_ before: Value?, _ after: Value?) {
    switch (before, after) {
    case (nil, nil):
      return
    case (nil, let added?):
      record(.added, onLiveSide: false, before: nil, after: added)
    case (let removed?, nil):
      record(.removed, onLiveSide: true, before: removed, after: nil)
    case (let old?, let new?) where old == new:
      return
    case (.object(let old)?, .object(let new)?):
      for pair in new {
        enterKey(pair.key)
        compare(before?[pair.key], pair.value)
        leave()
      }
      for pair in old where after?[pair.key] == nil {
        enterKey(pair.key)
        compare(pair.value, nil)
        leave()
      }
    case (.array(let old)?, .array(let new)?):
      compareLists(old, new)
    case (let old?, let new?):
      if !SemanticEquality.equal(old, new, path: schemaPath) {
        record(.changed, onLiveSide: false, before: old, after: new)
      }
    }
  }

  private mutating func enterKey(_ key: String) {
    schemaPath.append(key)
    afterTokens.append(.key(key))
    beforeTokens.append(.key(key))
    labels.append(labels.isEmpty ? key : "." + key)
  }

  private mutating func enterItem(after: Int?, before: Int?, selector: String) {
    schemaPath.append("*")
    afterTokens.append(.index(after ?? before ?? 0))
    beforeTokens.append(.index(before ?? after ?? 0))
    labels.append("[" + selector + "]")
  }

  private mutating func leave() {
    schemaPath.removeLast()
    afterTokens.removeLast()
    beforeTokens.removeLast()
    labels.removeLast()
  }

  private mutating func compareLists(_ old: [Value], _ new: [Value]) {
    let schemaKeys = keys.identityKeys(apiVersion: apiVersion, kind: kind, path: schemaPath)
    guard case .keyed(let itemKeys) = ListKeys.identity(of: [old, new], schemaKeys: schemaKeys)
    else {
      if !SemanticEquality.equal(.array(old), .array(new), path: schemaPath) {
        record(.changed, onLiveSide: false, before: .array(old), after: .array(new))
      }
      return
    }
    var oldIndex: [[Value]: Int] = [:]
    for (index, item) in old.enumerated() { oldIndex[ListKeys.key(of: item, itemKeys)] = index }
    var newKeys = Set<[Value]>()
    var commonInNewOrder: [[Value]] = []
    for (index, item) in new.enumerated() {
      let key = ListKeys.key(of: item, itemKeys)
      newKeys.insert(key)
      let match = oldIndex[key]
      if match != nil { commonInNewOrder.append(key) }
      enterItem(after: index, before: match, selector: ListKeys.label(of: item, itemKeys))
      compare(match.map { old[$0] }, item)
      leave()
    }
    var commonInOldOrder: [[Value]] = []
    for (index, item) in old.enumerated() {
      let key = ListKeys.key(of: item, itemKeys)
      if newKeys.contains(key) {
        commonInOldOrder.append(key)
        continue
      }
      enterItem(after: nil, before: index, selector: ListKeys.label(of: item, itemKeys))
      compare(item, nil)
      leave()
    }
    if commonInNewOrder != commonInOldOrder {
      let describe: ([[Value]]) -> Value = { keys in
        .array(keys.map { .string($0.map(\.scalarDescription).joined(separator: ",")) })
      }
      record(
        .reordered, onLiveSide: false, before: describe(commonInOldOrder),
        after: describe(commonInNewOrder))
    }
  }

  private mutating func record(
    _ kind: FieldChange.Kind, onLiveSide: Bool, before: Value?, after: Value?
  ) {
    let hidden = isSensitive(schemaPath)
    let label = labels.joined()
    changes.append(
      FieldChange(
        kind: kind, pointer: JSONPointer(tokens: onLiveSide ? beforeTokens : afterTokens),
        path: label.isEmpty ? "." : label, before: hidden ? nil : before,
        after: hidden ? nil : after, isSensitive: hidden))
  }
}
