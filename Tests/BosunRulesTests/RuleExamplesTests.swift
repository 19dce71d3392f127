import BosunRules
import Testing

/// Every registered rule's examples, and the variants derived from them, behave as described.
@Suite struct RuleExamplesTests {
  @Test(arguments: BuiltInRules.all.map { $0.description.id })
  func examplesHold(id: String) throws {
    let rule = try #require(BuiltInRules.rule(id: id))
    for failure in RuleVerifier(rule).verify() {
      Issue.record(
        Comment(rawValue: failure.report),
        sourceLocation: Testing.SourceLocation(
          fileID: "BosunRules/\(failure.sourceFile.split(separator: "/").last ?? "")",
          filePath: failure.sourceFile.isEmpty ? #filePath : failure.sourceFile,
          line: max(failure.sourceLine, 1), column: 1))
    }
  }
}
