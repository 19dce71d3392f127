/// The message of a pod that fits nowhere, as `FitError.Error()` words it
/// (pkg/scheduler/framework/types.go): `0/N nodes are available: ` followed by a histogram of
/// the reasons, each `count reason`, sorted as strings and joined with `, `, then a period.
struct FitError: Sendable {
  var nodeCount: Int
  private(set) var histogram: [String: Int] = [:]

  init(nodeCount: Int) {
    self.nodeCount = nodeCount
  }

  mutating func count(_ reasons: [String]) {
    for reason in reasons { histogram[reason, default: 0] += 1 }
  }

  /// The message. The histogram is sorted as Go's `sort.Strings` sorts it: bytewise, so
  /// `10 Insufficient cpu` comes before `2 Insufficient memory`.
  var message: String {
    let entries = histogram.map { "\($0.value) \($0.key)" }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var text = "0/\(nodeCount) nodes are available"
    if !entries.isEmpty { text += ": " + entries.joined(separator: ", ") + "." }
    return text
  }
}
