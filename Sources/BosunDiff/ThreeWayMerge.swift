import BosunCore

/// What `kubectl apply` would leave on the cluster: the live object patched with the manifest.
///
/// Mirrors the client-side apply three-way strategic merge
/// (`k8s.io/apimachinery/pkg/util/strategicpatch` `CreateThreeWayMergePatch`): a field in the
/// manifest wins; a field that was in the previous manifest (the original) but is gone now is
/// removed; a field only the cluster set is kept. Keyed lists merge item by item; other lists
/// are replaced. Keyed lists keep the manifest's order, so list indexes point into it; maps keep
/// the live order, so an unchanged object merges back into an equal value.
struct ThreeWayMerge {
  let keys: ListKeys
  let apiVersion: String
  let kind: String

  func merge(original: Value?, desired: Value, live: Value?, path: [String] = []) -> Value {
    guard let live else { return desired }
    switch (desired, live) {
    case (.object(let wanted), .object(let current)):
      // Live order first, so an unchanged object comes out equal to the live one, order and all.
      var merged: [(key: String, value: Value)] = []
      merged.reserveCapacity(max(wanted.count, current.count))
      for pair in current {
        if let mine = desired[pair.key] {
          if mine == .null { continue }  // an explicit null deletes
          // Only two maps or two lists merge; otherwise the manifest's value wins as it is, and
          // there is no path to build.
          guard Self.bothMaps(mine, pair.value) || Self.bothLists(mine, pair.value) else {
            merged.append((key: pair.key, value: mine))
            continue
          }
          merged.append(
            (
              key: pair.key,
              value: merge(
                original: original?[pair.key], desired: mine, live: pair.value,
                path: path + [pair.key])
            ))
        } else if original?[pair.key] == nil {
          merged.append(pair)  // set only by the cluster
        }  // else: removed from the manifest
      }
      for pair in wanted where pair.value != .null && live[pair.key] == nil {
        merged.append(pair)
      }
      return .object(merged)
    case (.array(let wanted), .array(let current)):
      let listPath = path + ["*"]
      guard
        let keys = keys.mergeKeys(apiVersion: apiVersion, kind: kind, path: path)
          ?? ListKeys.heuristicKeys(wanted, current),
        !keys.isEmpty,
        case .keyed(let itemKeys) = ListKeys.identity(
          of: [wanted, current, original?.arrayItems ?? []], schemaKeys: keys)
      else { return desired }
      var liveByKey: [[Value]: Value] = [:]
      for item in current { liveByKey[ListKeys.key(of: item, itemKeys)] = item }
      var originalByKey: [[Value]: Value] = [:]
      for item in original?.arrayItems ?? [] {
        originalByKey[ListKeys.key(of: item, itemKeys)] = item
      }
      var merged: [Value] = []
      var mentioned = Set<[Value]>()
      for item in wanted {
        let key = ListKeys.key(of: item, itemKeys)
        mentioned.insert(key)
        merged.append(
          merge(
            original: originalByKey[key], desired: item, live: liveByKey[key], path: listPath))
      }
      for item in current {
        let key = ListKeys.key(of: item, itemKeys)
        if mentioned.contains(key) || originalByKey[key] != nil { continue }
        merged.append(item)
      }
      return .array(merged)
    default:
      return desired
    }
  }

  private static func bothMaps(_ a: Value, _ b: Value) -> Bool {
    if case .object = a, case .object = b { return true }
    return false
  }

  private static func bothLists(_ a: Value, _ b: Value) -> Bool {
    if case .array = a, case .array = b { return true }
    return false
  }
}

extension ListKeys {
  /// `name`, `key` or `id` for lists the schema does not describe.
  static func heuristicKeys(_ lists: [Value]...) -> [String]? {
    let items = lists.map { $0 }
    if case .keyed(let keys) = identity(of: items, schemaKeys: nil) { return keys }
    return nil
  }
}
