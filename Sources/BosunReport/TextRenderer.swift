import BosunCore
import BosunYAML

/// Compiler-style text for people: one block per finding, then a summary line.
///
/// ```
/// k8s/web.yaml:9:5: error: duplicate key "description"; keep one [yaml.duplicate-key]
///   object: Deployment/shop/web at /metadata/annotations/description
///     9 |     description: duplicate
///       |     ^
/// k8s/web.yaml:7:5: note: first defined here
///     7 |     description: "ウェブ 🚀 frontend"
///       |     ^
///
/// 1 file, 1 document, 1 object (0 valid, 1 invalid, 0 error, 0 skipped), 0 empty documents; 1 error, 0 warnings, 0 info
/// ```
///
/// Helm output adds `template: <path>` under the object. Findings without a position start with
/// their severity; a file that could not be read shows as `file:`.
public struct TextRenderer: Sendable {
  /// Choices the caller makes from the terminal and the command line.
  public struct Options: Sendable, Equatable {
    /// ANSI colours; the caller enables them only on a TTY and when `NO_COLOR` is unset.
    public var colour: Bool
    /// Whether to print the source line under each finding.
    public var codeFrames: Bool

    /// Creates options; the defaults suit a pipe or a file (no colour, code frames on).
    public init(colour: Bool = false, codeFrames: Bool = true) {
      self.colour = colour
      self.codeFrames = codeFrames
    }
  }

  /// The options in force.
  public var options: Options

  /// Creates a renderer.
  public init(options: Options = .init()) { self.options = options }

  /// The whole report: findings in report order, then the summary line.
  public func render(_ report: CheckReport) -> String {
    // With code frames each finding is a block of lines, so a blank line separates them.
    let separator = options.codeFrames ? "\n" : ""
    var out = report.diagnostics.map { render($0, sources: report.sources) }
      .joined(separator: separator)
    if !report.diagnostics.isEmpty { out += "\n" }
    out += style(Self.summaryLine(report.summary), .bold) + "\n"
    return out
  }

  /// One finding: its headline, object and template, code frame, and notes.
  public func render(_ diagnostic: Diagnostic, sources: [String: SourceText]) -> String {
    var out = headline(
      location: diagnostic.location, label: diagnostic.severity.rawValue,
      labelStyle: Self.style(of: diagnostic.severity), message: diagnostic.message)
    out += " " + style("[\(diagnostic.code)]", .dim) + "\n"
    if let object = diagnostic.object {
      var line = "  object: \(object)"
      if let pointer = diagnostic.pointer, !pointer.tokens.isEmpty { line += " at \(pointer)" }
      out += Self.printable(line) + "\n"
    } else if let pointer = diagnostic.pointer, !pointer.tokens.isEmpty {
      out += Self.printable("  at \(pointer)") + "\n"
    }
    if let template = diagnostic.templateSource {
      out += Self.printable("  template: \(template)") + "\n"
    }
    out += frame(at: diagnostic.location, sources: sources)
    for note in diagnostic.notes {
      out += headline(
        location: note.location, label: "note", labelStyle: .cyan, message: note.message)
      out += "\n"
      out += frame(at: note.location, sources: sources)
    }
    return out
  }

  /// `files, documents, objects by status, empty documents; findings by severity`.
  public static func summaryLine(_ summary: CheckSummary) -> String {
    let statuses = ObjectStatus.allCases.map { "\(summary.objects[$0, default: 0]) \($0.rawValue)" }
    let findings = Severity.allCases.reversed().map { severity in
      let count = summary.findings[severity, default: 0]
      // "info" is a mass noun: 2 info, not 2 infos.
      return severity == .info ? "\(count) info" : counted(count, severity.rawValue)
    }
    return "\(counted(summary.files, "file")), \(counted(summary.documents, "document")), "
      + "\(counted(summary.objectCount, "object")) (\(statuses.joined(separator: ", "))), "
      + "\(counted(summary.emptyDocuments, "empty document")); "
      + findings.joined(separator: ", ")
  }

  // MARK: - Pieces

  private func headline(
    location: SourceLocation?, label: String, labelStyle: Style, message: String
  ) -> String {
    var out = ""
    if let location { out += style(Self.printable("\(location.shown):"), .bold) + " " }
    out += style("\(label):", labelStyle) + " " + Self.printable(message)
    return out
  }

  private func frame(at location: SourceLocation?, sources: [String: SourceText]) -> String {
    guard options.codeFrames, let location, let source = sources[location.file],
      location.line >= 1, location.line <= source.lineCount
    else { return "" }
    let frame = CodeFrame(
      lineNumber: location.line, text: source.line(location.line), column: location.column)
    return frame.render(gutterWidth: 5) { self.style($0, .green) }
  }

  /// Message text with control characters other than newline made visible, so that text from
  /// a manifest cannot move the cursor or recolour the reader's terminal.
  static func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\t" {
        out.unicodeScalars.append(scalar)
      } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        out += "\u{FFFD}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func counted(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
  }

  // MARK: - Colour

  enum Style: String {
    case bold = "1"
    case dim = "2"
    case red = "1;31"
    case yellow = "1;33"
    case cyan = "1;36"
    case green = "1;32"
  }

  private static func style(of severity: Severity) -> Style {
    switch severity {
    case .error: .red
    case .warning: .yellow
    case .info: .cyan
    }
  }

  private func style(_ text: String, _ style: Style) -> String {
    options.colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}
