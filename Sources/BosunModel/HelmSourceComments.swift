import BosunYAML

/// The `# Source: chart/templates/x.yaml` comments that `helm template` writes above each
/// document, so findings can name the template as well as the rendered file.
struct HelmSourceComments {
  /// (line, template path), in line order.
  private var comments: [(line: Int, path: String)] = []

  init(_ source: SourceText) {
    let prefix = Array("# Source: ".utf8)
    let bytes = source.bytes
    for (index, start) in source.lineStarts.enumerated() {
      guard start + prefix.count <= bytes.count, bytes[start] == UInt8(ascii: "#"),
        bytes[start..<start + prefix.count].elementsEqual(prefix)
      else { continue }
      let path = source.line(index + 1).dropFirst(prefix.count).trimmingSpaces()
      if !path.isEmpty { comments.append((index + 1, path)) }
    }
  }

  /// The last template comment on a line after `after` and before `before`.
  /// Binary search: a rendered chart has one comment per document, and thousands of documents.
  func source(before: Int, after: Int) -> String? {
    var lo = 0
    var hi = comments.count
    while lo < hi {  // first comment at or after `before`
      let mid = (lo + hi) / 2
      if comments[mid].line < before { lo = mid + 1 } else { hi = mid }
    }
    guard lo > 0, comments[lo - 1].line > after else { return nil }
    return comments[lo - 1].path
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    var s = self[...]
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return String(s)
  }
}
