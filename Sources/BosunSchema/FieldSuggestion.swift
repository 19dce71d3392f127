/// "Did you mean `metadata`?": the closest known field name to a misspelt one.
enum FieldSuggestion {
  /// The candidate nearest to `name` by edit distance, when near enough to be a likely typo and
  /// not tied with another candidate.
  static func nearest(to name: String, among candidates: some Sequence<String>) -> String? {
    let lowered = name.lowercased()
    var best: (name: String, distance: Int)?
    var tied = false
    for candidate in candidates {
      let distance =
        candidate.lowercased() == lowered
        ? 0
        : editDistance(Array(lowered.unicodeScalars), Array(candidate.lowercased().unicodeScalars))
      if let current = best, distance >= current.distance {
        if distance == current.distance { tied = true }
        continue
      }
      best = (candidate, distance)
      tied = false
    }
    guard let best, !tied else { return nil }
    let limit = max(1, min(3, name.count / 3))
    return best.distance <= limit ? best.name : nil
  }

  /// Levenshtein distance with adjacent transpositions counted as one edit.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previousPrevious[j - 2] + 1)
        }
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
