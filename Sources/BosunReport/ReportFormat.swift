/// The output formats of `bosun check`, as named on the command line (`--format`).
public enum ReportFormat: String, Sendable, CaseIterable {
  /// Human-readable findings with code frames and a summary line.
  case text
  /// The versioned document described in `docs/json-output.md`.
  case json
  /// SARIF 2.1.0, for code-scanning services.
  case sarif
  /// JUnit XML, one testcase per object.
  case junit
  /// GitHub Actions workflow commands, which become annotations on a pull request.
  case github

  /// Renders a report in this format. `textOptions` matter only for `text`.
  public func render(_ report: CheckReport, textOptions: TextRenderer.Options = .init()) -> String {
    switch self {
    case .text: TextRenderer(options: textOptions).render(report)
    case .json: JSONRenderer().render(report)
    case .sarif: SARIFRenderer().render(report)
    case .junit: JUnitRenderer().render(report)
    case .github: GitHubRenderer().render(report)
    }
  }
}
