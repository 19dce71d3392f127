import Testing

@testable import BosunReport

/// The caret sits under the character the column names, whatever comes before it on the line.
@Suite struct CodeFrameTests {
  func frame(_ text: String, column: Int) -> String {
    CodeFrame(lineNumber: 7, text: text, column: column).render(gutterWidth: 3)
  }

  @Test func caretUnderAsciiColumn() {
    #expect(frame("image: nginx", column: 8) == "  7 | image: nginx\n    |        ^\n")
  }

  @Test func tabsShowAsFourSpacesAndShiftTheCaret() {
    #expect(frame("a\tb", column: 3) == "  7 | a    b\n    |      ^\n")
  }

  @Test func wideCharactersTakeTwoCellsAndGetTwoCarets() {
    // ウ and 🚀 are two cells wide in a terminal; the caret under "x" skips four cells for them.
    #expect(frame("ウ🚀x", column: 3) == "  7 | ウ🚀x\n    |     ^\n")
    #expect(frame("aウ", column: 2) == "  7 | aウ\n    |  ^^\n")
  }

  @Test func combiningMarksTakeNoCell() {
    // "é" written as e + U+0301 is two scalars (two columns) but one cell.
    #expect(frame("e\u{301}x", column: 3) == "  7 | e\u{301}x\n    |  ^\n")
  }

  @Test func columnPastTheEndPointsJustAfterTheLine() {
    #expect(frame("key:", column: 5) == "  7 | key:\n    |     ^\n")
    #expect(frame("", column: 1) == "  7 |\n    | ^\n")
  }

  @Test func controlCharactersAreShownAsReplacementCharacters() {
    #expect(frame("a\u{1B}[2Jb", column: 6) == "  7 | a\u{FFFD}[2Jb\n    |      ^\n")
  }

  @Test func cellWidths() {
    #expect(CodeFrame.cells("a") == 1)
    #expect(CodeFrame.cells("漢") == 2)
    #expect(CodeFrame.cells("한") == 2)
    #expect(CodeFrame.cells("Ａ") == 2)
    #expect(CodeFrame.cells("😀") == 2)
    #expect(CodeFrame.cells("\u{301}") == 0)
    #expect(CodeFrame.cells("\u{200D}") == 0)
    #expect(CodeFrame.cells("é") == 1)
  }
}
