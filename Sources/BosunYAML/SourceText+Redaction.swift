extension SourceText {
  /// A copy in which the text of the given values is replaced by `*`, for showing code frames
  /// around Secret data without printing it.
  ///
  /// A value on one line is masked from its start to the end of the line; a block scalar
  /// (`|`, `>`) also on every following line indented deeper than its key.
  public func redacting(_ values: [(value: Node, keyColumn: Int)]) -> SourceText {
    guard !values.isEmpty else { return self }
    var bytes = self.bytes
    for (value, keyColumn) in values {
      guard value.scalarText != nil, let start = byteOffset(of: value.mark) else { continue }
      let line = Int(value.mark.line)
      mask(&bytes, from: start, toEndOfLine: line)
      guard value.style == .literal || value.style == .folded else { continue }
      var next = line + 1
      while next <= lineCount {
        let lineStart = lineStarts[next - 1]
        let text = self.line(next)
        let indent = text.prefix { $0 == " " }.count
        if !text.trimmingSpaces.isEmpty && indent < keyColumn { break }
        mask(&bytes, from: lineStart + indent, toEndOfLine: next)
        next += 1
      }
    }
    return SourceText(file: file, bytes: bytes)
  }

  private func mask(_ bytes: inout [UInt8], from start: Int, toEndOfLine line: Int) {
    let end = line < lineStarts.count ? lineStarts[line] : bytes.count
    var i = start
    while i < end, bytes[i] != 0x0A, bytes[i] != 0x0D {
      if bytes[i] != 0x20 { bytes[i] = UInt8(ascii: "*") }
      i += 1
    }
  }
}

extension String {
  fileprivate var trimmingSpaces: Substring {
    drop { $0 == " " || $0 == "\t" }
  }
}
