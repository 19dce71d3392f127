import BosunCore

/// A plain unified diff of the normalised YAML of each object that changes, cluster copy
/// (`live/`) against the result of applying the manifest (`merged/`), as `kubectl diff` shows.
/// Secret values are already masked in the result.
public enum UnifiedDiffRenderer {
  /// Lines of context around each change.
  public static let context = 3

  /// Renders every object that is not unchanged.
  public static func render(_ result: DiffResult) -> String {
    var out = ""
    for object in result.objects where object.status != .unchanged {
      let name = fileName(object)
      let before = object.before.map(ValueText.yamlLines) ?? []
      let after = object.after.map(ValueText.yamlLines) ?? []
      out += "--- live/\(name)\n+++ merged/\(name)\n"
      out += hunks(before, after)
    }
    return out
  }

  private static func fileName(_ object: ObjectDiff) -> String {
    let identity = object.identity
    let group = identity.group.isEmpty ? "" : identity.group + "."
    let namespace = identity.namespace.map { $0 + "." } ?? ""
    return "\(group)\(identity.version).\(identity.kind).\(namespace)\(identity.displayName)"
  }

  private enum Edit { case same(String), removed(String), added(String) }

  /// The edit script by longest common subsequence (objects are small).
  private static func edits(_ a: [String], _ b: [String]) -> [Edit] {
    let n = a.count
    let m = b.count
    var table = [Int](repeating: 0, count: (n + 1) * (m + 1))
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        table[i * (m + 1) + j] =
          a[i] == b[j]
          ? table[(i + 1) * (m + 1) + j + 1] + 1
          : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
      }
    }
    var result: [Edit] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, a[i] == b[j] {
        result.append(.same(a[i]))
        i += 1
        j += 1
      } else if i < n, j == m || table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] {
        result.append(.removed(a[i]))
        i += 1
      } else {
        result.append(.added(b[j]))
        j += 1
      }
    }
    return result
  }

  private static func hunks(_ a: [String], _ b: [String]) -> String {
    let script = edits(a, b)
    let changed = script.indices.filter {
      if case .same = script[$0] { return false }
      return true
    }
    guard !changed.isEmpty else { return "" }
    // Group changes whose context windows touch.
    var groups: [(Int, Int)] = []
    for index in changed {
      let low = max(0, index - context)
      let high = min(script.count - 1, index + context)
      if let last = groups.last, low <= last.1 + 1 {
        groups[groups.count - 1].1 = high
      } else {
        groups.append((low, high))
      }
    }
    var out = ""
    for (low, high) in groups {
      var oldStart = 1
      var newStart = 1
      for edit in script[..<low] {
        switch edit {
        case .same:
          oldStart += 1
          newStart += 1
        case .removed: oldStart += 1
        case .added: newStart += 1
        }
      }
      var body = ""
      var oldCount = 0
      var newCount = 0
      for edit in script[low...high] {
        switch edit {
        case .same(let line):
          body += " \(line)\n"
          oldCount += 1
          newCount += 1
        case .removed(let line):
          body += "-\(line)\n"
          oldCount += 1
        case .added(let line):
          body += "+\(line)\n"
          newCount += 1
        }
      }
      let oldFrom = oldCount == 0 ? oldStart - 1 : oldStart
      let newFrom = newCount == 0 ? newStart - 1 : newStart
      out += "@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@\n" + body
    }
    return out
  }
}
