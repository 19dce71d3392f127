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

  init(keys: ListKeys, apiVersion: String, kind: String, isSensitive: @escaping ([String]) -> Bool) {
    self.keys = keys
    self.apiVersion = apiVersion
    self.kind = kind
    self.isSensitive = isSensitive
  }

  /// Where a walk stands: the schema path (`*` for list items), the pointer on the predicted
  /// side, the pointer on the live side, and the readable path.
  struct Position {
    var schemaPath: [String] = []
    var after: JSONPointer = .root
    var before: JSONPointer = .root
    var label: String = ""

    func key(_ key: String) -> Position {
      Position(
        schemaPath: schemaPath + [key], after: after.appending(key),
        before: before.appending(key), label: label.isEmpty ? key : label + "." + key)
    }

    func item(after afterIndex: Int?, before beforeIndex: Int?, selector: String) -> Position {
      Position(
        schemaPath: schemaPath + ["*"],
        after: afterIndex.map { after.appending($0) } ?? after.appending(beforeIndex ?? 0),
        before: beforeIndex.map { before.appending($0) } ?? before.appending(afterIndex ?? 0),
        label: label + "[" + selector + "]")
    }
  }

  mutating func compare(_ before: Value?, _ after: Value?, at position: Position = Position()) {
    switch (before, after) {
    case (nil, nil):
      return
    case (nil, let added?):
      record(.added, position.after, position, before: nil, after: added)
    case (let removed?, nil):
      record(.removed, position.before, position, before: removed, after: nil)
    case (.object(let old)?, .object(let new)?):
      for pair in new {
        compare(before?[pair.key], pair.value, at: position.key(pair.key))
      }
      for pair in old where after?[pair.key] == nil {
        compare(pair.value, nil, at: position.key(pair.key))
      }
    case (.array(let old)?, .array(let new)?):
      compareLists(old, new, at: position)
    case (let old?, let new?):
      if !SemanticEquality.equal(old, new, path: position.schemaPath) {
        record(.changed, position.after, position, before: old, after: new)
      }
    }
  }

  private mutating func compareLists(_ old: [Value], _ new: [Value], at position: Position) {
    let schemaKeys = keys.identityKeys(
      apiVersion: apiVersion, kind: kind, path: position.schemaPath)
    guard case .keyed(let itemKeys) = ListKeys.identity(of: [old, new], schemaKeys: schemaKeys)
    else {
      if !SemanticEquality.equal(.array(old), .array(new), path: position.schemaPath) {
        record(.changed, position.after, position, before: .array(old), after: .array(new))
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
      compare(
        match.map { old[$0] }, item,
        at: position.item(
          after: index, before: match, selector: ListKeys.label(of: item, itemKeys)))
    }
    var commonInOldOrder: [[Value]] = []
    for (index, item) in old.enumerated() {
      let key = ListKeys.key(of: item, itemKeys)
      if newKeys.contains(key) {
        commonInOldOrder.append(key)
        continue
      }
      compare(
        item, nil,
        at: position.item(after: nil, before: index, selector: ListKeys.label(of: item, itemKeys)))
    }
    if commonInNewOrder != commonInOldOrder {
      let describe: ([[Value]]) -> Value = { keys in
        .array(keys.map { .string($0.map(\.scalarDescription).joined(separator: ",")) })
      }
      record(
        .reordered, position.after, position, before: describe(commonInOldOrder),
        after: describe(commonInNewOrder))
    }
  }

  private mutating func record(
    _ kind: FieldChange.Kind, _ pointer: JSONPointer, _ position: Position, before: Value?,
    after: Value?
  ) {
    let hidden = isSensitive(position.schemaPath)
    changes.append(
      FieldChange(
        kind: kind, pointer: pointer, path: position.label.isEmpty ? "." : position.label,
        before: hidden ? nil : before, after: hidden ? nil : after, isSensitive: hidden))
  }
}
