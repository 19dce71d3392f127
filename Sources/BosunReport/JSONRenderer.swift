import BosunCore

/// The machine-readable report, version 1, documented field by field in `docs/json-output.md`.
///
/// Every field is always present (absent values are `null`), keys keep a fixed order, and the
/// text ends with one newline, so the same report gives the same bytes.
public struct JSONRenderer: Sendable {
  /// The document version; it changes only when a field is removed or changes meaning.
  public static let version = 1

  /// Creates a renderer.
  public init() {}

  /// The whole report as JSON text.
  public func render(_ report: CheckReport) -> String {
    document(report).jsonText() + "\n"
  }

  /// The report as an ordered value, before serialisation.
  func document(_ report: CheckReport) -> Value {
    var indexes: [Diagnostic: [Int]] = [:]
    for (i, diagnostic) in report.diagnostics.enumerated() {
      indexes[diagnostic, default: []].append(i)
    }
    return .object([
      ("version", .int(Self.version)),
      ("tool", .object([("name", .string("bosun")), ("version", .string(report.toolVersion))])),
      ("summary", summary(report.summary)),
      ("diagnostics", .array(report.diagnostics.map(diagnostic))),
      ("objects", .array(report.objects.map { object($0, indexes: indexes) })),
      ("codes", .array(report.describedCodes.map(code))),
    ])
  }

  private func summary(_ summary: CheckSummary) -> Value {
    .object([
      ("files", .int(summary.files)),
      ("documents", .int(summary.documents)),
      ("emptyDocuments", .int(summary.emptyDocuments)),
      (
        "objects",
        .object(
          [("total", .int(summary.objectCount))]
            + ObjectStatus.allCases.map { ($0.rawValue, .int(summary.objects[$0, default: 0])) })
      ),
      (
        "findings",
        .object(
          Severity.allCases.reversed().map { ($0.rawValue, .int(summary.findings[$0, default: 0])) }
        )
      ),
    ])
  }

  private func diagnostic(_ d: Diagnostic) -> Value {
    .object(
      [
        ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)),
        ("message", .string(d.message)),
      ]
        + position(d.location)
        + [
          ("pointer", .optional(d.pointer?.description)),
          ("object", d.object.map(reference) ?? .null),
          ("templateSource", .optional(d.templateSource)),
          (
            "notes",
            .array(
              d.notes.map { note in
                .object([("message", .string(note.message))] + position(note.location))
              })
          ),
        ])
  }

  private func object(_ o: ObjectResult, indexes: [Diagnostic: [Int]]) -> Value {
    // Identical diagnostics are listed once each, in report order.
    var seen: [Diagnostic: Int] = [:]
    let mine: [Value] = o.diagnostics.compactMap { d in
      let n = seen[d, default: 0]
      seen[d] = n + 1
      guard let all = indexes[d], n < all.count else { return nil }
      return .int(all[n])
    }
    return .object(
      [("object", o.reference.map(reference) ?? .null), ("status", .string(o.status.rawValue))]
        + position(o.location)
        + [("templateSource", .optional(o.templateSource)), ("diagnostics", .array(mine))])
  }

  private func code(_ c: CodeInfo) -> Value {
    .object([
      ("code", .string(c.code)), ("summary", .string(c.summary)),
      ("defaultSeverity", .string(c.defaultSeverity.rawValue)), ("helpUri", .optional(c.helpURI)),
    ])
  }

  private func reference(_ r: ObjectReference) -> Value {
    .object([
      ("apiVersion", .string(r.apiVersion)), ("kind", .string(r.kind)),
      ("namespace", .optional(r.namespace)), ("name", .string(r.name)),
      ("display", .string(r.description)),
    ])
  }

  private func position(_ location: SourceLocation?) -> JSONFields {
    [
      ("file", .optional(location?.file)),
      ("line", location.map { .int($0.line) } ?? .null),
      ("column", location.map { .int($0.column) } ?? .null),
    ]
  }
}

/// The members of a JSON object, in output order.
typealias JSONFields = [(key: String, value: Value)]

extension Value {
  /// A string, or null when absent.
  static func optional(_ s: String?) -> Value { s.map(Value.string) ?? .null }

  /// An integer.
  static func int(_ i: Int) -> Value { .int(Int64(i)) }
}
