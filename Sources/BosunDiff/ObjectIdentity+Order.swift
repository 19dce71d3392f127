public import BosunModel

extension ObjectIdentity.Key {
  /// Whether `self` sorts before `other`: exactly `self < other` (group, kind, namespace, then
  /// name), compared field by field without building tuples, which is several times cheaper
  /// when sorting thousands of objects.
  public func sorts(before other: Self) -> Bool {
    if group != other.group { return group < other.group }
    if kind != other.kind { return kind < other.kind }
    if namespace != other.namespace { return namespace < other.namespace }
    return name < other.name
  }
}

extension Array {
  /// The elements in the order of their keys, as a stable sort by `key` would give them, sorting
  /// positions so that large elements are not moved about.
  public func sortedByKey(_ key: (Element) -> ObjectIdentity.Key) -> [Element] {
    let keys = map(key)
    return indices.sorted { keys[$0].sorts(before: keys[$1]) }.map { self[$0] }
  }
}
