import BosunRules
import Foundation
import Testing

/// The hand-kept registry is complete and its ids are well formed.
@Suite struct RegistryTests {
  /// Type names declared as `struct X: Rule` (or `: ..., Rule`) under Sources/BosunRules/Rules.
  static func declaredRuleTypes() throws -> Set<String> {
    let folder = repositoryRoot.appendingPathComponent("Sources/BosunRules/Rules")
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    var names: Set<String> = []
    let declaration = try Regex(#"struct\s+(\w+)\s*:\s*([^{]*)\{"#)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      for match in text.matches(of: declaration) {
        guard let name = match.output[1].substring, let conformances = match.output[2].substring
        else { continue }
        let list = conformances.split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if list.contains("Rule") { names.insert(String(name)) }
      }
    }
    return names
  }

  @Test func everyRuleTypeIsRegistered() throws {
    let declared = try Self.declaredRuleTypes()
    let registered = Set(BuiltInRules.all.map { String(describing: $0) })
    #expect(declared.subtracting(registered).sorted() == [], "rule types missing from the registry")
    #expect(registered.subtracting(declared).sorted() == [], "registered types not found in Rules/")
  }

  @Test func idsAreUniqueAndKebabCase() throws {
    let ids = BuiltInRules.all.map { $0.description.id }
    #expect(Set(ids).count == ids.count, "duplicate rule ids")
    let kebab = try Regex("^[a-z0-9]+(-[a-z0-9]+)*$")
    for id in ids { #expect(id.wholeMatch(of: kebab) != nil, "\(id) is not kebab-case") }
  }

  @Test func everyRuleHasPassingAndFailingExamples() {
    for rule in BuiltInRules.all {
      let examples = rule.description.examples
      #expect(
        examples.contains { $0.expected.isEmpty }, "\(rule.description.id) has no passing example")
      #expect(
        examples.contains { !$0.expected.isEmpty }, "\(rule.description.id) has no failing example")
    }
  }
}
