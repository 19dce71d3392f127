/// The closing words of an "unknown rule" message: the nearest known id when one is close
/// (a typo), else a pointer to `bosun rules`.
enum RuleIDSuggestion {
  /// `did you mean x?` for an id within a third of its length in edits, else the list hint.
  static func hint(for id: String, among known: some Collection<String>) -> String {
    let scored = known.map { (id: $0, distance: distance(id, $0)) }
    let best = scored.min { ($0.distance, $0.id) < ($1.distance, $1.id) }
    if let best, best.distance <= max(1, id.count / 3) { return "did you mean \(best.id)?" }
    return "`bosun rules` lists them"
  }

  /// Levenshtein distance over characters.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      previous = current
    }
    return previous[b.count]
  }
}
