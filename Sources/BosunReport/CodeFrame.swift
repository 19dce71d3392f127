/// One source line as a terminal shows it, with a caret under a column:
///
/// ```
///    12 |         image: nginx:latest
///       |                ^
/// ```
///
/// Columns count Unicode scalars (as positions do); the caret is placed by display cells, so it
/// stays under the right character after tabs, wide (CJK, emoji) and zero-width characters.
struct CodeFrame {
  /// Spaces a tab is shown as; a fixed width keeps the frame independent of tab stops.
  static let tabWidth = 4

  /// The 1-based line number shown in the gutter.
  var lineNumber: Int
  /// The line's text, without its line break.
  var text: String
  /// The 1-based column in Unicode scalars; past the end of the line puts the caret just after it.
  var column: Int

  /// The two lines of the frame, gutter included, each ending in a newline. `caretStyle` wraps
  /// the caret (colour codes, or nothing).
  func render(gutterWidth: Int, caretStyle: (String) -> String = { $0 }) -> String {
    let number = String(lineNumber)
    let gutter = String(repeating: " ", count: max(0, gutterWidth - number.count)) + number
    let blank = String(repeating: " ", count: max(gutterWidth, number.count))
    var shown = ""
    var cellsBeforeCaret = 0
    var caretWidth = 1
    for (index, scalar) in text.unicodeScalars.enumerated() {
      let (glyph, cells) = Self.display(scalar)
      if index < column - 1 {
        cellsBeforeCaret += cells
      } else if index == column - 1 {
        // A wide character gets a caret per cell; a tab, one caret at its start.
        caretWidth = scalar == "\t" ? 1 : max(1, cells)
      }
      shown += glyph
    }
    if column - 1 > text.unicodeScalars.count {
      // A column past the end (e.g. "expected a value" at the end of the line) sits just after it.
      caretWidth = 1
    }
    let caret = String(repeating: "^", count: caretWidth)
    let pad = String(repeating: " ", count: cellsBeforeCaret)
    let source = "\(gutter) | \(shown)".trimmingTrailingSpaces()
    return "\(source)\n\(blank) | \(pad)\(caretStyle(caret))\n"
  }

  /// What a scalar is shown as, and how many terminal cells it takes. Control characters become
  /// U+FFFD so that a manifest cannot send escape sequences to the reader's terminal.
  static func display(_ scalar: Unicode.Scalar) -> (String, Int) {
    if scalar == "\t" { return (String(repeating: " ", count: tabWidth), tabWidth) }
    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return ("\u{FFFD}", 1) }
    return (String(scalar), cells(scalar))
  }

  /// Terminal cells of a printable scalar: 0 for combining and zero-width characters, 2 for East
  /// Asian wide and fullwidth characters and emoji presented as pictures, 1 otherwise.
  static func cells(_ scalar: Unicode.Scalar) -> Int {
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if scalar.value == 0x200B || (0xFE00...0xFE0F).contains(scalar.value) { return 0 }
    if properties.isEmojiPresentation { return 2 }
    return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
  }

  /// East Asian Width W and F ranges (Unicode 15, UAX #11), coarsened to blocks.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x231A...0x231B, 0x2329...0x232A,
    0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols
    0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
    0x3400...0x4DBF,  // CJK extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19, 0xFE30...0xFE6F,  // vertical forms, CJK compatibility forms, small forms
    0xFF00...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms
    0x1F300...0x1F64F, 0x1F900...0x1F9FF,  // pictographs, emoticons, supplemental symbols
    0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and later
  ]
}

extension String {
  /// The string without spaces at its end.
  fileprivate func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
