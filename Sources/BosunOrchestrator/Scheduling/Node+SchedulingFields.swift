import BosunYAML

// Small readers for the parts of a pod spec kept as raw YAML (`affinity`,
// `topologySpreadConstraints`). Wrong shapes read as absent: validation reports them elsewhere.
extension Node {
  /// The scalar text under `key`, unless it is null.
  func string(_ key: String) -> String? {
    guard let value = self[key], !value.isNull else { return nil }
    return value.scalarText
  }

  /// The integer under `key`.
  func integer(_ key: String) -> Int? {
    string(key).flatMap { Int($0) }
  }

  /// The sequence under `key`, or nothing.
  func list(_ key: String) -> [Node] {
    self[key]?.items ?? []
  }

  /// The strings of the sequence under `key`.
  func strings(_ key: String) -> [String] {
    list(key).compactMap(\.scalarText)
  }

  /// The mapping under `key`, when present and not null.
  func object(_ key: String) -> Node? {
    guard let value = self[key], value.pairs != nil else { return nil }
    return value
  }
}
