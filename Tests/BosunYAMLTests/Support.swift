import BosunYAML

/// Parses a string as a file named `test.yaml`.
func parse(_ text: String, strict: Bool = false, limits: YAMLLimits = .standard) -> YAMLStream {
  YAMLParser.parse(
    Array(text.utf8), file: "test.yaml", limits: limits,
    duplicateKeySeverity: strict ? .error : .warning)
}

/// Parses raw bytes as a file named `test.yaml`.
func parse(bytes: [UInt8]) -> YAMLStream {
  YAMLParser.parse(bytes, file: "test.yaml")
}

extension Mark {
  /// `(line, column)` for compact expectations.
  var pair: [Int] { [Int(line), Int(column)] }
}
