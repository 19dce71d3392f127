import BosunCore
import BosunSchema
import Foundation

/// How the items of one list are told apart, from the schema catalogue.
enum ListIdentity: Hashable, Sendable {
  /// Items are identified by these fields (`containers` by `name`).
  case keyed([String])
  /// The list is one value (`args`, `tolerations`): replaced and compared as a whole.
  case atomic
}

/// Looks up list keys in the schema catalogue once per list field and remembers them.
///
/// The merge uses the strategic-merge-patch key (one field, as `kubectl apply` does), the diff
/// uses the server-side apply map keys (container ports by `containerPort` and `protocol`). Lists
/// the catalogue does not know (custom resources) fall back to `name`, `key` or `id` when that
/// field is present and unique in every item.
final class ListKeys: @unchecked Sendable {
  private let catalog: SchemaCatalog?
  private let version: KubernetesVersion
  private let lock = NSLock()
  private var cache: [String: (merge: [String]?, identity: [String]?)] = [:]

  init(catalog: SchemaCatalog?, version: KubernetesVersion) {
    self.catalog = catalog
    self.version = version
  }

  /// Keys for matching items while merging; nil when the schema does not know the list.
  func mergeKeys(apiVersion: String, kind: String, path: [String]) -> [String]? {
    lookup(apiVersion: apiVersion, kind: kind, path: path).merge
  }

  /// Keys for matching items while diffing; nil when the schema does not know the list.
  func identityKeys(apiVersion: String, kind: String, path: [String]) -> [String]? {
    lookup(apiVersion: apiVersion, kind: kind, path: path).identity
  }

  private func lookup(apiVersion: String, kind: String, path: [String])
    -> (merge: [String]?, identity: [String]?)
  {
    let cacheKey = apiVersion + "|" + kind + "|" + path.joined(separator: "/")
    lock.lock()
    if let hit = cache[cacheKey] {
      lock.unlock()
      return hit
    }
    lock.unlock()
    var found: (merge: [String]?, identity: [String]?) = (nil, nil)
    let pointer = JSONPointer(tokens: path.map { .key($0) })
    // A list the catalogue does not know keeps nil keys, so callers fall back to heuristics.
    if let catalog,
      catalog.field(apiVersion: apiVersion, kind: kind, pointer: pointer, version: version) != nil
    {
      let patch = catalog.patchMerge(
        apiVersion: apiVersion, kind: kind, pointer: pointer, version: version)
      let mapKeys = catalog.listMapKeys(
        apiVersion: apiVersion, kind: kind, pointer: pointer, version: version)
      found.identity = mapKeys
      found.merge = patch.key.map { [$0] } ?? mapKeys
    }
    lock.lock()
    cache[cacheKey] = found
    lock.unlock()
    return found
  }

  /// The identity of a list: schema keys, else the `name`/`key`/`id` heuristic for lists the
  /// schema does not describe, else atomic. Keys must be present and unique in every item.
  static func identity(
    of lists: [[Value]], schemaKeys: [String]?
  ) -> ListIdentity {
    let candidates: [[String]] =
      if let schemaKeys { schemaKeys.isEmpty ? [] : [schemaKeys] } else {
        [["name"], ["key"], ["id"]]
      }
    for keys in candidates where lists.allSatisfy({ usable(keys, in: $0) }) {
      return .keyed(keys)
    }
    return .atomic
  }

  private static func usable(_ keys: [String], in items: [Value]) -> Bool {
    var seen = Set<[Value]>()
    for item in items {
      guard item.isObject else { return false }
      let values = keys.map { item[$0] ?? .null }
      // A missing key field is allowed when another key field is set (`protocol` defaults).
      guard values.contains(where: { $0 != .null }), seen.insert(values).inserted else {
        return false
      }
    }
    return true
  }

  /// The key of one item, for lookups.
  static func key(of item: Value, _ keys: [String]) -> [Value] {
    keys.map { item[$0] ?? .null }
  }

  /// A readable selector for an item: `name=web`, `containerPort=8080,protocol=TCP`.
  static func label(of item: Value, _ keys: [String]) -> String {
    keys.compactMap { key in item[key].map { "\(key)=\($0.scalarDescription)" } }
      .joined(separator: ",")
  }
}
