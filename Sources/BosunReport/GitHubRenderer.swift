import BosunCore

/// GitHub Actions workflow commands, one per finding, which GitHub shows as annotations:
///
/// ```
/// ::error file=k8s/web.yaml,line=12,col=16,title=no-latest-tag::image tag "latest" is not pinned
/// ```
///
/// Errors are `::error`, warnings `::warning`, infos `::notice`. The object, pointer, template and
/// notes follow the message on lines of their own (escaped, so one finding stays one command).
public struct GitHubRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// One command line per finding, in report order.
  public func render(_ report: CheckReport) -> String {
    report.diagnostics.map(command).joined()
  }

  /// The workflow command for one finding, ending in a newline.
  public func command(_ d: Diagnostic) -> String {
    var properties: [(String, String)] = []
    if let location = d.location {
      properties.append(("file", location.file))
      if location.line >= 1 { properties.append(("line", String(location.line))) }
      if location.line >= 1, location.column >= 1 {
        properties.append(("col", String(location.column)))
      }
    }
    properties.append(("title", d.code))
    let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
    return "::\(Self.command(for: d.severity)) \(list)::\(Self.escapeData(message(d)))\n"
  }

  private func message(_ d: Diagnostic) -> String {
    var lines = [d.message]
    if let object = d.object {
      var line = "object: \(object)"
      if let pointer = d.pointer, !pointer.tokens.isEmpty { line += " at \(pointer)" }
      lines.append(line)
    } else if let pointer = d.pointer, !pointer.tokens.isEmpty {
      lines.append("at \(pointer)")
    }
    if let template = d.templateSource { lines.append("template: \(template)") }
    for note in d.notes {
      lines.append("note: \(note.message)" + (note.location.map { " (\($0.shown))" } ?? ""))
    }
    return lines.joined(separator: "\n")
  }

  static func command(for severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "notice"
    }
  }

  /// Escapes a command's message: `%`, `\r` and `\n` (as in `@actions/core`'s `escapeData`).
  public static func escapeData(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// Escapes a property value: as `escapeData`, plus `:` and `,` (as in `escapeProperty`).
  public static func escapeProperty(_ s: String) -> String {
    var out = ""
    for c in escapeData(s).unicodeScalars {
      switch c {
      case ":": out += "%3A"
      case ",": out += "%2C"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
