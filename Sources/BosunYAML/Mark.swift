/// A position in the input: 1-based line and column, columns in Unicode scalars, counted from
/// the start of the file (never from the start of a document).
public struct Mark: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// 1-based line.
  public var line: Int32
  /// 1-based column in Unicode scalars.
  public var column: Int32

  /// Creates a mark.
  public init(line: Int, column: Int) {
    self.line = Int32(truncatingIfNeeded: line)
    self.column = Int32(truncatingIfNeeded: column)
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }

  /// Orders by line, then column.
  public static func < (lhs: Mark, rhs: Mark) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
