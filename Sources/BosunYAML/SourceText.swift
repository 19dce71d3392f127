#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of one input with the byte offset of every line start, for code frames, reader
/// errors (libyaml reports those as byte offsets) and resuming after a broken document.
public struct SourceText: Sendable {
  /// The file name as the user gave it, or `-` for standard input.
  public let file: String
  /// The raw bytes.
  public let bytes: [UInt8]
  /// Byte offset at which each line starts; `lineStarts[0] == 0`. A line ends at `\n`, at a lone
  /// `\r`, or at `\r\n`, as in libyaml.
  public let lineStarts: [Int]

  /// Indexes the lines of `bytes`.
  public init(file: String, bytes: [UInt8]) {
    self.file = file
    self.bytes = bytes
    var starts = [0]
    starts.reserveCapacity(bytes.count / 32 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let n = buffer.count
      // Without a `\r` anywhere (nearly every file), each line start is the byte after a
      // `\n` that `memchr` finds.
      if memchr(base, 0x0D, n) == nil {
        var i = 0
        while i < n, let found = memchr(base + i, 0x0A, n - i) {
          i = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
          starts.append(i)
        }
        return
      }
      var i = 0
      while i < n {
        let b = buffer[i]
        i += 1
        // Every byte above `\r` is ordinary text: one comparison for nearly all of them.
        if b > 0x0D { continue }
        if b == 0x0A {
          starts.append(i)
        } else if b == 0x0D {
          if i < n, buffer[i] == 0x0A { i += 1 }
          starts.append(i)
        }
      }
    }
    self.lineStarts = starts
  }

  /// The number of lines (a trailing newline does not start a counted line).
  public var lineCount: Int {
    if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 {
      return lineStarts.count - 1
    }
    return lineStarts.count
  }

  /// The text of a 1-based line without its line break; a leading BOM is dropped from line 1.
  /// Invalid UTF-8 shows as U+FFFD.
  public func line(_ number: Int) -> String {
    guard number >= 1, number <= lineStarts.count else { return "" }
    var start = lineStarts[number - 1]
    var end = number < lineStarts.count ? lineStarts[number] : bytes.count
    while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
    if number == 1, end - start >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      start += 3
    }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The 1-based line holding a byte offset.
  public func lineNumber(atByte offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo + 1
  }

  /// The mark of a byte offset: its line, and its column in Unicode scalars.
  public func mark(atByte offset: Int) -> Mark {
    let line = lineNumber(atByte: offset)
    var start = lineStarts[line - 1]
    if line == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      start = min(3, offset)
    }
    var column = 1
    var i = start
    while i < min(offset, bytes.count) {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return Mark(line: line, column: column)
  }

  /// The byte offset of a mark, or nil when the line does not exist.
  public func byteOffset(of mark: Mark) -> Int? {
    let line = Int(mark.line)
    guard line >= 1, line <= lineStarts.count else { return nil }
    var i = lineStarts[line - 1]
    if line == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    var column = 1
    while i < bytes.count, column < Int(mark.column) {
      i += 1
      while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
      column += 1
    }
    return i
  }

  /// Whether a 1-based line starts a new document (`---` or `...` followed by a space or the
  /// end of the line), the only places where parsing can resume after a broken document.
  func isDocumentBoundary(line number: Int) -> Bool {
    guard number >= 1, number <= lineStarts.count else { return false }
    let s = lineStarts[number - 1]
    guard s + 3 <= bytes.count else { return false }
    let marker = bytes[s..<s + 3]
    guard marker.elementsEqual("---".utf8) || marker.elementsEqual("...".utf8) else {
      return false
    }
    if s + 3 == bytes.count { return true }
    let next = bytes[s + 3]
    return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
  }
}
