import BosunCore
import Foundation

/// Problems that commands without a report format (diff, plan, snapshot) print to standard
/// error, one per line: `file:line:col: severity: [code] message`.
enum StandardError {
  static func report(_ diagnostics: [Diagnostic]) {
    for problem in diagnostics.sorted(by: Diagnostic.outputOrder) {
      let at = problem.location.map { "\($0): " } ?? ""
      FileHandle.standardError.write(
        Data("\(at)\(problem.severity): [\(problem.code)] \(problem.message)\n".utf8))
    }
  }

  /// A line of plain text.
  static func say(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
