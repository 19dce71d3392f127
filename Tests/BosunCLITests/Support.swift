import BosunCLI
import BosunCore
import Foundation

/// The repository root, found from this file's location so tests run from any folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

extension CheckPipeline.Options {
  /// YAML and object checks only: no schemas, no rules, so a test sees just what it pins.
  static var objectsOnly: CheckPipeline.Options {
    var options = CheckPipeline.Options()
    options.schemas = false
    options.rules = false
    return options
  }
}

/// Runs the pipeline on in-memory files (YAML and object checks only, unless options say more).
func check(_ files: [(String, String)], options: CheckPipeline.Options = .objectsOnly) -> CheckOutcome {
  CheckPipeline(options: options).run(files.map { InputFile(name: $0.0, bytes: Array($0.1.utf8)) })
}

/// Runs collection and the pipeline on paths relative to the repository root.
func checkPaths(_ paths: [String], ignore: [String] = [], options: CheckPipeline.Options = .init())
  -> CheckOutcome
{
  // Paths are made absolute for reading and relative again for reporting, so output does not
  // depend on the machine (and no test changes the process's working directory).
  let root = repositoryRoot.path + "/"
  let (found, problems) = InputCollector(ignoreGlobs: ignore, readStandardInput: { [] })
    .collect(paths.map { root + $0 })
  let files = found.map {
    InputFile(name: $0.name.hasPrefix(root) ? String($0.name.dropFirst(root.count)) : $0.name, bytes: $0.bytes)
  }
  return CheckPipeline(options: options).run(files, inputDiagnostics: problems)
}

extension Diagnostic {
  /// `code@line:column` for compact expectations.
  var brief: String {
    "\(code)@\(location.map { "\($0.line):\($0.column)" } ?? "-")"
  }
}
