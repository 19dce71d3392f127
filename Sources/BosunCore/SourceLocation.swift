/// A position in an input file: 1-based line and column, columns counted in Unicode scalars.
///
/// Lines and columns are always counted from the start of the file, never from the start of a
/// YAML document, so `file:line:column` can be pasted into any editor.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The path as the user gave it (relative paths stay relative), or `-` for standard input.
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column in Unicode scalars.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }

  /// Orders by file, then line, then column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
