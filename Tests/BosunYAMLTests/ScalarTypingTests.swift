import Testing

@testable import BosunYAML

/// Plain scalars are typed as go-yaml v2 (YAML 1.1) types them, which is how Kubernetes reads
/// manifests (sigs.k8s.io/yaml).
@Suite struct ScalarTypingTests {
  @Test(arguments: ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"])
  func yaml11TrueWords(word: String) {
    #expect(Node.resolvePlain(word) == .bool(true))
  }

  @Test(arguments: ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"])
  func yaml11FalseWords(word: String) {
    #expect(Node.resolvePlain(word) == .bool(false))
  }

  @Test func integersFollowGoParseIntWithBaseZero() {
    #expect(Node.resolvePlain("0644") == .int(420))
    #expect(Node.resolvePlain("0x1F") == .int(31))
    #expect(Node.resolvePlain("0o17") == .int(15))
    #expect(Node.resolvePlain("0b101") == .int(5))
    #expect(Node.resolvePlain("-12") == .int(-12))
    #expect(Node.resolvePlain("+7") == .int(7))
    #expect(Node.resolvePlain("1_000") == .int(1000))
  }

  @Test func floatsAndSpecials() {
    #expect(Node.resolvePlain("1e3") == .float(1000))
    #expect(Node.resolvePlain(".5") == .float(0.5))
    #expect(Node.resolvePlain("-.inf") == .float(-.infinity))
    // "09" is not valid octal, so go-yaml v2 falls through to its float pattern.
    #expect(Node.resolvePlain("09") == .float(9))
  }

  /// The byte test of skipped keys agrees with `plainStringKey` on plain, untagged keys.
  @Test func plainStringBytesAgreeWithPlainStringKey() throws {
    let words = [
      "y", "Y", "yes", "Yes", "YES", "yES", "n", "N", "no", "No", "NO", "nO", "true", "True",
      "TRUE", "tRUE", "false", "False", "FALSE", "on", "On", "ON", "oN", "off", "Off", "OFF",
      "null", "Null", "NULL", "nul", "nulls", "yess", "a", "app", "spec", "1x", "_a", "éa", "x.y",
      "offset", "note",
    ]
    // One mapping each: many of these words are the same key to YAML 1.1.
    let text = words.map { "- \($0): 1" }.joined(separator: "\n") + "\n"
    let items = try #require(parse(text).documents.first?.root.items)
    #expect(items.count == words.count)
    for pair in items.compactMap({ $0.pairs?.first }) {
      let word = try #require(pair.key.scalarText)
      let bytes = Array(word.utf8)
      let byBytes = bytes.withUnsafeBufferPointer { Node.isPlainString($0) }
      #expect(byBytes == (pair.key.plainStringKey != nil), "\(word)")
    }
  }

  /// `isNull` answers without typing, and always as typing would.
  @Test func isNullAgreesWithTyping() throws {
    let words = [
      "~", "null", "Null", "NULL", "nul", "nulls", "NuLL", "", "0", "no", "~~", "n", ".nan", "é",
      "1", "0x0",
    ]
    var lines: [String] = []
    for (index, word) in words.enumerated() {
      lines.append("p\(index): \(word)")
      lines.append("s\(index): '\(word)'")
      lines.append("d\(index): \"\(word)\"")
      lines.append("t\(index): !!null \(word)")
      lines.append("r\(index): !!str \(word)")
      lines.append("a\(index): &a\(index) \(word)")
      lines.append("q\(index): ! \(word)")
    }
    let root = try #require(parse(lines.joined(separator: "\n") + "\n").documents.first?.root)
    let pairs = try #require(root.pairs)
    #expect(pairs.count == words.count * 7)
    for pair in pairs {
      #expect(pair.value.isNull == (pair.value.resolved == .null), "\(pair.key.scalarText ?? "")")
    }
    #expect(root["p0"]?.isNull == true)
    #expect(root["p7"]?.isNull == true)
    #expect(root["s1"]?.isNull == false)
  }

  @Test func nullsAndStrings() {
    #expect(Node.resolvePlain("~") == .null)
    #expect(Node.resolvePlain("") == .null)
    #expect(Node.resolvePlain("Null") == .null)
    #expect(Node.resolvePlain("nginx:1.25") == .string("nginx:1.25"))
    #expect(Node.resolvePlain("1.2.3") == .string("1.2.3"))
    #expect(Node.resolvePlain("2024-01-01") == .string("2024-01-01"))
  }

  @Test func quotedAndTaggedScalarsStayStrings() throws {
    let root = try #require(
      parse("a: \"yes\"\nb: !!str 0644\nc: 'on'\nd: yes\ne: !!int \"12\"\n").documents.first?.root)
    #expect(root["a"]?.resolved == .string("yes"))
    #expect(root["b"]?.resolved == .string("0644"))
    #expect(root["c"]?.resolved == .string("on"))
    #expect(root["d"]?.resolved == .bool(true))
    #expect(root["e"]?.resolved == .int(12))
    #expect(root["a"]?.style == .doubleQuoted)
  }
}
