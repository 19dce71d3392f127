import BosunCore
import BosunYAML

/// A cheap test, on the YAML trees themselves, that applying a manifest would leave its
/// recorded copy exactly as it is: every manifest field equal to the cluster's, or (maps)
/// contained in it. Most objects of a large apply change nothing; this spares them the value
/// conversions, the merge and the normalisation.
///
/// The test is conservative: when it answers true, the merge of `ManifestDiffer` would give
/// back the live object unchanged; anything it is unsure of (a last-applied configuration, an
/// explicit null, a list that differs in any way, Secret `stringData`, StatefulSet claim
/// templates) answers false, and the full comparison runs.
enum UnchangedCheck {
  /// Where a mapping sits, for the fields `ServerOwnedFields.strip` drops.
  private enum Level {
    case root, metadata, annotations, spec, other
  }

  /// Whether merging `desired` into `live` (two-way: the live copy records no applied
  /// configuration) would change nothing.
  static func mergesBack(desired: Node, live: Node, isSecret: Bool) -> Bool {
    guard case .mapping(let wanted) = desired.content, case .mapping(let current) = live.content
    else { return false }
    if isSecret, desired["stringData"] != nil || live["stringData"] != nil { return false }
    return mapping(wanted, current, level: .root)
  }

  private static func isStripped(_ key: String, at level: Level) -> Bool {
    switch level {
    case .root: key == "status"
    case .metadata: ServerOwnedFields.metadataKeys.contains(key)
    case .annotations: ServerOwnedFields.annotations.contains(key)
    case .spec, .other: false
    }
  }

  private static func childLevel(_ key: String, of level: Level) -> Level {
    switch (level, key) {
    case (.root, "metadata"): .metadata
    case (.root, "spec"): .spec
    case (.metadata, "annotations"): .annotations
    default: .other
    }
  }

  private static func mapping(_ wanted: [Pair], _ current: [Pair], level: Level) -> Bool {
    // Keys are matched by their text, which only a key typed as that very text allows; the
    // last loop checks that of every manifest key. Manifest fields the cluster copy holds are
    // marked by position.
    guard wanted.count <= 64 else { return false }
    var matched: UInt64 = 0
    // Both sides usually list their keys in the same order, so the manifest key after the last
    // one matched is tried first. Keys typed as their text are unique in a mapping, so this
    // finds what a search from the start finds; a key that is not makes the last loop answer
    // false whichever it finds.
    var next = 0
    for position in current.indices {
      guard let name = current[position].key.plainStringKey else { return false }
      if level == .spec && name == "volumeClaimTemplates" { return false }
      if isStripped(name, at: level) { continue }
      let index: Int
      if next < wanted.count, wanted[next].key.scalarText == name {
        index = next
      } else if let found = wanted.firstIndex(where: { $0.key.scalarText == name }) {
        index = found
      } else {
        continue  // kept from live
      }
      next = index + 1
      matched |= 1 << UInt64(index)
      guard fieldMergesBack(wanted[index].value, current[position].value, name, level) else {
        return false
      }
    }
    // A manifest field the cluster lacks is added, unless it is null or stripped.
    for index in wanted.indices {
      guard let name = wanted[index].key.plainStringKey else { return false }
      if level == .spec && name == "volumeClaimTemplates" { return false }
      if matched & (1 << UInt64(index)) != 0 || isStripped(name, at: level)
        || wanted[index].value.isNull
      {
        continue
      }
      return false
    }
    return true
  }

  /// One field present on both sides.
  private static func fieldMergesBack(_ mine: Node, _ live: Node, _ name: String, _ level: Level)
    -> Bool
  {
    if case .mapping(let a) = mine.content {
      guard case .mapping(let b) = live.content else { return false }
      return mapping(a, b, level: childLevel(name, of: level))
    }
    if mine.isNull { return false }  // an explicit null deletes
    // The recorded apiVersion is kept whatever the manifest says.
    if level == .root && name == "apiVersion" { return true }
    return sameValue(mine, live)
  }

  /// Equal once typed, as `toValue()` of both would be, and free of nulls under map keys (the
  /// merge drops those, so even equal lists holding them may change).
  private static func sameValue(_ a: Node, _ b: Node) -> Bool {
    switch a.content {
    case .scalar(let x):
      guard case .scalar(let y) = b.content else { return false }
      if x == y, a.style == b.style, a.tag == b.tag {
        // Typing depends on text, style and tag alone; only `.nan` is unequal to itself.
        guard x.utf8.count == 4, x.utf8.first == UInt8(ascii: ".") else { return true }
      }
      return a.toValue() == b.toValue()
    case .sequence(let x):
      guard case .sequence(let y) = b.content, x.count == y.count else { return false }
      for index in x.indices where !sameValue(x[index], y[index]) { return false }
      return true
    case .mapping(let x):
      guard case .mapping(let y) = b.content, x.count == y.count else { return false }
      for index in x.indices {
        guard let k = x[index].key.stringKey, let l = y[index].key.stringKey, k == l,
          !x[index].value.isNull, sameValue(x[index].value, y[index].value)
        else { return false }
      }
      return true
    }
  }
}
