import BosunCore
import BosunModel
import BosunYAML
import Testing

@testable import BosunRules

/// Runs every example of every per-object rule: passing examples give no finding, failing
/// examples give exactly the pointers they list.
@Suite struct CatalogueExamplesTests {
  static let ids = ObjectRules.all.map { $0.description.id }

  @Test(arguments: ids)
  func examplesProduceTheirPointers(id: String) throws {
    let rule = try #require(ObjectRules.all.first { $0.description.id == id })
    let description = rule.description
    for example in description.examples {
      let actual = CatalogueRunner.run(rule, on: example)
      let expected = CatalogueRunner.resolve(example.expected, rule: rule, example: example)
      #expect(
        actual.map(\.key).sorted() == expected.sorted(),
        "\(id) example at line \(example.sourceLine): got \(actual.map(\.key).sorted())",
        sourceLocation: SourceLocation(
          fileID: "BosunRules/\(example.sourceFile.split(separator: "/").last ?? "")",
          filePath: example.sourceFile, line: example.sourceLine, column: 1))
      for finding in actual {
        #expect(
          finding.message.first.map { !$0.isUppercase } ?? false,
          "\(id): message starts uppercase: \(finding.message)")
        #expect(!finding.message.hasSuffix("."), "\(id): message ends with a period")
      }
    }
  }

  @Test(arguments: ids)
  func descriptionIsComplete(id: String) throws {
    let description = try #require(ObjectRules.all.first { $0.description.id == id }).description
    #expect(description.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
    #expect(description.examples.contains { $0.expected.isEmpty }, "\(id) has no passing example")
    #expect(description.examples.contains { !$0.expected.isEmpty }, "\(id) has no failing example")
    #expect(!description.summary.isEmpty && !description.rationale.isEmpty)
    #expect(!description.remediation.isEmpty)
  }

  @Test func idsAreUnique() {
    #expect(Set(Self.ids).count == Self.ids.count)
  }
}

/// A small stand-in for the engine: parses an example, runs one rule on every object it applies
/// to, and names each finding by object and pointer.
enum CatalogueRunner {
  struct Key: Hashable, Comparable, CustomStringConvertible {
    var kind: String
    var name: String
    var pointer: String
    static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.kind, lhs.name, lhs.pointer) < (rhs.kind, rhs.name, rhs.pointer)
    }
    var description: String { "\(kind)/\(name)\(pointer)" }
  }

  static func resources(of example: RuleExample) -> [Resource] {
    let stream = YAMLParser.parse(Array(example.manifest.utf8), file: "example.yaml")
    var set = ManifestSet()
    set.add(stream)
    return set.resources
  }

  static func applies(_ rule: any Rule.Type, to resource: Resource) -> Bool {
    let kinds = rule.description.kinds
    return kinds.isEmpty || kinds.contains(resource.identity.kind)
  }

  static func run(_ rule: any Rule.Type, on example: RuleExample) -> [(key: Key, message: String)] {
    let all = resources(of: example)
    var values: [String: Value] = [:]
    for option in rule.description.options { values[option.name] = option.defaultValue }
    for (name, value) in example.options { values[name] = value }
    let context = RuleContext(resources: all, options: RuleOptions(values))
    let instance = rule.init()
    var result: [(key: Key, message: String)] = []
    for resource in all where applies(rule, to: resource) {
      for finding in instance.check(resource, in: context) {
        let key = Key(
          kind: resource.identity.kind, name: resource.identity.name ?? "",
          pointer: finding.pointer.description)
        result.append((key, finding.message))
      }
    }
    return result
  }

  static func resolve(_ expected: [RuleExample.Expected], rule: any Rule.Type, example: RuleExample)
    -> [Key]
  {
    let first = resources(of: example).first { applies(rule, to: $0) }
    return expected.map {
      Key(
        kind: $0.kind ?? first?.identity.kind ?? "", name: $0.name ?? first?.identity.name ?? "",
        pointer: $0.pointer.description)
    }
  }
}
