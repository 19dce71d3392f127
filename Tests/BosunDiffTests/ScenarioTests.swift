import BosunCore
import BosunDiff
import Foundation
import Testing

/// Whole scenarios under `fixtures/diff/`, each against the recording of `shop`, with the
/// expected changes written beside the manifests in `expected-changes.txt`.
@Suite struct ScenarioTests {
  @Test(arguments: ["shop-release-2"])
  func scenarioGivesTheExpectedChanges(scenario: String) throws {
    let result = Fixtures.differ().diff(
      desired: try Fixtures.manifests(scenario), snapshot: try Fixtures.snapshot("shop.yaml"))
    var lines: [String] = []
    for object in result.objects where object.status != .unchanged {
      lines.append("\(object.status.rawValue) \(object.identity)")
      for change in object.changes {
        lines.append(
          "  \(change.kind.rawValue) \(change.pointer)\(change.isSensitive ? " (hidden)" : "")")
      }
    }
    let expected = try Fixtures.text(scenario, "expected-changes.txt")
      .split(separator: "\n").map(String.init)
    // Objects come sorted by group, kind, namespace and name; compare as sets of blocks.
    #expect(Set(blocks(lines)) == Set(blocks(expected)))
    #expect(result.counts[.unchanged] == 16)
  }

  private func blocks(_ lines: [String]) -> [String] {
    var result: [String] = []
    for line in lines {
      if line.hasPrefix("  "), let last = result.popLast() {
        result.append(last + "\n" + line)
      } else {
        result.append(line)
      }
    }
    return result
  }
}
