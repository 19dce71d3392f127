public import BosunYAML

/// A `# bosun:ignore rule-a,rule-b -- reason` comment.
///
/// A comment alone on its line covers the next line; a comment after a value covers its own
/// line. libyaml drops comments, so they are read from the source text; `#` inside quotes, or
/// not preceded by a space, does not start a comment.
public struct InlineSuppression: Sendable, Equatable {
  /// The line and column of the `#`.
  public var mark: Mark
  /// The line whose findings it suppresses.
  public var coveredLine: Int
  /// The rule ids it names.
  public var ruleIDs: [String]
  /// The text after `--`, if any.
  public var reason: String?

  /// The directive word after `#`.
  public static let directive = "bosun:ignore"

  /// The 1-based lines on which `marker` occurs, in order.
  static func linesContaining(_ marker: [UInt8], in source: SourceText) -> [Int] {
    guard let first = marker.first, source.bytes.count >= marker.count else { return [] }
    var lines: [Int] = []
    let bytes = source.bytes
    var i = 0
    let last = bytes.count - marker.count
    while i <= last {
      if bytes[i] == first, bytes[i..<i + marker.count].elementsEqual(marker) {
        let line = source.lineNumber(atByte: i)
        if lines.last != line { lines.append(line) }
        i += marker.count
      } else {
        i += 1
      }
    }
    return lines
  }

  /// Every suppression comment in a source text.
  ///
  /// - Parameters:
  ///   - source: the file.
  ///   - roots: its parsed objects; lines inside their block scalars (`|`, `>`) are content,
  ///     not comments, so a script's `# bosun:ignore` is not read as a directive.
  public static func scan(_ source: SourceText, roots: [Node] = []) -> [InlineSuppression] {
    var result: [InlineSuppression] = []
    // One pass over the bytes finds the lines that hold the directive word at all; only those
    // are read as text (most files have none).
    let hits = linesContaining(Array(directive.utf8), in: source)
    guard !hits.isEmpty else { return [] }
    let content = blockScalarLines(in: source, roots: roots)
    for number in hits where !content.contains(number) {
      let line = source.line(number)
      guard let (column, comment, alone) = commentStart(in: line) else { continue }
      guard let parsed = parse(comment) else { continue }
      result.append(
        InlineSuppression(
          mark: Mark(line: number, column: column), coveredLine: alone ? number + 1 : number,
          ruleIDs: parsed.ids, reason: parsed.reason))
    }
    return result
  }

  /// The lines holding the content of block scalars: after the indicator line, every line
  /// that is blank or indented at least as deep as the first non-blank one.
  static func blockScalarLines(in source: SourceText, roots: [Node]) -> Set<Int> {
    var starts: [Int] = []
    func walk(_ node: Node) {
      switch node.content {
      case .scalar:
        if node.style == .literal || node.style == .folded { starts.append(Int(node.mark.line)) }
      case .sequence(let items): items.forEach(walk)
      case .mapping(let pairs): pairs.forEach { walk($0.value) }
      }
    }
    roots.forEach(walk)
    var lines: Set<Int> = []
    for start in starts {
      var indent: Int?
      var number = start + 1
      while number <= source.lineCount {
        let line = source.line(number)
        let depth = line.prefix { $0 == " " }.count
        if depth == line.count {
          number += 1
          continue
        }
        if indent == nil { indent = depth }
        guard depth >= indent!, depth > 0 else { break }
        lines.insert(number)
        number += 1
      }
    }
    return lines
  }

  /// The 1-based column of the comment's `#`, the text after it, and whether the line holds
  /// nothing but the comment.
  static func commentStart(in line: String) -> (Int, Substring, Bool)? {
    var quote: Character?
    var previous: Character = " "
    var column = 0
    var sawContent = false
    var escaped = false
    var closedAt = 0
    for index in line.unicodeScalars.indices {
      let scalar = line.unicodeScalars[index]
      let character = Character(scalar)
      column += 1
      defer { previous = character }
      if let open = quote {
        // Inside double quotes a backslash escapes the next character (`\"`, `\\`); single
        // quotes escape only by doubling, which closing and reopening handles.
        if escaped {
          escaped = false
        } else if open == "\"" && character == "\\" {
          escaped = true
        } else if character == open {
          quote = nil
          closedAt = column
        }
        continue
      }
      if character == "'" && closedAt == column - 1 && previous == "'" {
        quote = "'"  // `''` inside single quotes: an escaped quote, not the end
        continue
      }
      switch character {
      case "\"", "'":
        if previous == " " || previous == "\t" || previous == ":" || previous == "["
          || previous == "{" || previous == "," || previous == "-" || !sawContent
        {
          quote = character
        }
        sawContent = true
      case "#" where previous == " " || previous == "\t" || !sawContent:
        let text = line.unicodeScalars[line.unicodeScalars.index(after: index)...]
        return (column, Substring(String(text)), !sawContent)
      case " ", "\t": break
      default: sawContent = true
      }
    }
    return nil
  }

  /// Reads `bosun:ignore a, b -- reason` (spaces around the word are optional).
  static func parse(_ comment: Substring) -> (ids: [String], reason: String?)? {
    let text = comment.drop { $0 == " " || $0 == "\t" }
    guard text.hasPrefix(directive) else { return nil }
    var rest = text.dropFirst(directive.count)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    var reason: String?
    if let dashes = rest.range(of: "--") {
      reason = rest[dashes.upperBound...].trimmingCharacters(in: " \t")
      rest = rest[..<dashes.lowerBound]
    }
    let ids = rest.split { $0 == "," || $0 == " " || $0 == "\t" }.map(String.init)
    return (ids, reason?.isEmpty == true ? nil : reason)
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let c = s.first, set.contains(c) { s = s.dropFirst() }
    while let c = s.last, set.contains(c) { s = s.dropLast() }
    return String(s)
  }
}
