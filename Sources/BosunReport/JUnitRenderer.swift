import BosunCore

/// JUnit XML for CI dashboards: one `testsuite` per file, one `testcase` per object.
///
/// Error-level findings are `failure` elements; warnings and infos go to the testcase's
/// `system-out`. An object judged `invalid` or `error` without any error-level finding (a
/// stricter failure threshold) still fails, with one `failure` of type `status.invalid`. Findings that belong to no object (a broken YAML document, an unreadable file)
/// get a testcase of their own named `(file)`, and findings with neither file nor object a suite
/// named `(input)`.
public struct JUnitRenderer: Sendable {
  /// The testcase name for findings about a file rather than an object.
  public static let fileLevelName = "(file)"
  /// The suite name for findings with no file.
  public static let noFileName = "(input)"

  /// Creates a renderer.
  public init() {}

  /// The whole report as an XML document.
  public func render(_ report: CheckReport) -> String {
    let suites = self.suites(report)
    let tests = suites.reduce(0) { $0 + $1.cases.count }
    let failures = suites.reduce(0) { $0 + $1.failures }
    let skipped = suites.reduce(0) { $0 + $1.skipped }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"bosun\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\""
    out += " skipped=\"\(skipped)\">\n"
    for suite in suites { out += render(suite) }
    out += "</testsuites>\n"
    return out
  }

  // MARK: - Model

  struct TestCase {
    var name: String
    var file: String
    /// The object's verdict; nil for the file-level testcase.
    var status: ObjectStatus?
    var diagnostics: [Diagnostic]
    var skipped: Bool { status == .skipped }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// An object judged invalid by a stricter threshold (`--fail-on warning`) has no error-level
    /// finding, yet it must not pass.
    var failsByStatus: Bool { (status == .invalid || status == .error) && errors.isEmpty }
    var failures: Int { errors.count + (failsByStatus ? 1 : 0) }
  }

  struct Suite {
    var name: String
    var cases: [TestCase]
    var failures: Int { cases.count { $0.failures > 0 } }
    var skipped: Int { cases.count { $0.skipped } }
  }

  func suites(_ report: CheckReport) -> [Suite] {
    var owned: [Diagnostic: Int] = [:]
    var casesByFile: [String: [TestCase]] = [:]
    for object in report.objects {
      for d in object.diagnostics { owned[d, default: 0] += 1 }
      let name =
        object.reference?.description ?? "(unnamed object at line \(object.location.line))"
      casesByFile[object.location.file, default: []].append(
        TestCase(
          name: name, file: object.location.file, status: object.status,
          diagnostics: object.diagnostics))
    }
    var loose: [String: [Diagnostic]] = [:]
    var nowhere: [Diagnostic] = []
    for d in report.diagnostics {
      if let n = owned[d], n > 0 {
        owned[d] = n - 1
      } else if let file = d.location?.file {
        loose[file, default: []].append(d)
      } else {
        nowhere.append(d)
      }
    }
    var suites: [Suite] = report.mentionedFiles.map { file in
      var cases: [TestCase] = []
      if let diagnostics = loose[file] {
        cases.append(
          TestCase(name: Self.fileLevelName, file: file, status: nil, diagnostics: diagnostics))
      }
      cases += casesByFile[file] ?? []
      return Suite(name: file, cases: cases)
    }
    if !nowhere.isEmpty {
      suites.append(
        Suite(
          name: Self.noFileName,
          cases: [
            TestCase(
              name: Self.fileLevelName, file: Self.noFileName, status: nil, diagnostics: nowhere)
          ]
        ))
    }
    return suites
  }

  // MARK: - XML

  private func render(_ suite: Suite) -> String {
    var out = "  <testsuite name=\(Self.attribute(suite.name)) tests=\"\(suite.cases.count)\""
    out += " failures=\"\(suite.failures)\" errors=\"0\" skipped=\"\(suite.skipped)\""
    guard !suite.cases.isEmpty else { return out + "/>\n" }
    out += ">\n"
    for testCase in suite.cases { out += render(testCase) }
    return out + "  </testsuite>\n"
  }

  private func render(_ testCase: TestCase) -> String {
    var out = "    <testcase name=\(Self.attribute(testCase.name))"
    out += " classname=\(Self.attribute(testCase.file))"
    let others = testCase.diagnostics.filter { $0.severity != .error }
    guard testCase.skipped || testCase.failures > 0 || !others.isEmpty else { return out + "/>\n" }
    out += ">\n"
    if testCase.skipped { out += "      <skipped/>\n" }
    if testCase.failsByStatus, let status = testCase.status {
      out +=
        "      <failure message=\"object is \(status.rawValue)\" type=\"status.\(status.rawValue)\">"
      out += Self.text(testCase.diagnostics.map(Self.describe).joined()) + "</failure>\n"
    }
    for d in testCase.errors {
      out += "      <failure message=\(Self.attribute(d.message)) type=\(Self.attribute(d.code))>"
      out += Self.text(Self.describe(d)) + "</failure>\n"
    }
    if !others.isEmpty {
      out +=
        "      <system-out>" + Self.text(others.map(Self.describe).joined()) + "</system-out>\n"
    }
    return out + "    </testcase>\n"
  }

  /// The compiler-style lines for one finding, as in the text format without code frames.
  static func describe(_ d: Diagnostic) -> String {
    var out = d.location.map { "\($0.shown): " } ?? ""
    out += "\(d.severity.rawValue): \(d.message) [\(d.code)]\n"
    if let object = d.object { out += "  object: \(object)\n" }
    if let pointer = d.pointer, !pointer.tokens.isEmpty { out += "  pointer: \(pointer)\n" }
    if let template = d.templateSource { out += "  template: \(template)\n" }
    for note in d.notes {
      out += "  note: \(note.message)" + (note.location.map { " (\($0.shown))" } ?? "") + "\n"
    }
    return out
  }

  /// A quoted attribute value: markup characters escaped, and tab and line breaks as character
  /// references so that parsers do not normalise them to spaces.
  static func attribute(_ value: String) -> String {
    "\"" + escape(value, inAttribute: true) + "\""
  }

  /// Character data for element content.
  static func text(_ value: String) -> String { escape(value, inAttribute: false) }

  /// Escapes `&`, `<`, `>` (and quotes and whitespace in attributes); characters XML 1.0 cannot
  /// carry at all (most C0 controls, unpaired surrogates cannot occur in a Swift string, U+FFFE,
  /// U+FFFF) become U+FFFD.
  static func escape(_ value: String, inAttribute: Bool) -> String {
    var out = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where inAttribute: out += "&quot;"
      case "'" where inAttribute: out += "&apos;"
      case "\t" where inAttribute: out += "&#9;"
      case "\n" where inAttribute: out += "&#10;"
      case "\r": out += "&#13;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
