import Foundation
import Testing

/// Golden files live in `Tests/BosunReportTests/Golden/` and are read through `Bundle.module`.
///
/// To accept new output after an intended change, run the tests with `BOSUN_UPDATE_GOLDEN=1`:
/// `BOSUN_UPDATE_GOLDEN=1 swift test --filter BosunReportTests`. The goldens in the source tree are
/// rewritten and the comparison is skipped; review the diff and commit it.
enum Golden {
  static var updating: Bool { ProcessInfo.processInfo.environment["BOSUN_UPDATE_GOLDEN"] == "1" }

  /// Checks `actual` against the golden file `name`, or rewrites it when updating.
  static func check(
    _ actual: String, against name: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    if updating {
      let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name)
      try Data(actual.utf8).write(to: url)
      return
    }
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden")
    else {
      Issue.record(
        "missing golden \(name); run with BOSUN_UPDATE_GOLDEN=1 to create it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    if actual != expected {
      let firstDifference = zip(
        actual.split(separator: "\n", omittingEmptySubsequences: false),
        expected.split(separator: "\n", omittingEmptySubsequences: false)
      ).enumerated().first { $0.element.0 != $0.element.1 }
      let detail =
        firstDifference.map {
          "line \($0.offset + 1):\n  actual:   \($0.element.0)\n  expected: \($0.element.1)"
        } ?? "lengths differ"
      Issue.record(
        "\(name) differs from its golden (\(detail)); if the change is intended, run with BOSUN_UPDATE_GOLDEN=1",
        sourceLocation: sourceLocation)
    }
  }
}
