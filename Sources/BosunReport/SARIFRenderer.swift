import BosunCore

/// SARIF 2.1.0 for code-scanning services, valid against the OASIS JSON schema
/// (`ci/validate-sarif.sh` checks it).
///
/// One run; rules come from `CheckReport.codes` (plus any code a finding uses without a
/// description); columns are declared as Unicode code points, which is how Bosun counts them.
/// The object is a logical location, notes with a position are related locations, notes without
/// one are appended to the message, and the pointer, template and object go in `properties`.
/// A finding without a position keeps its logical location only, and one about a whole file
/// (line 0) has an artifact location without a region.
public struct SARIFRenderer: Sendable {
  /// The schema the output declares.
  public static let schemaURI =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  /// The base id relative paths are resolved against: the directory the command ran in.
  public static let sourceRoot = "%SRCROOT%"

  /// Creates a renderer.
  public init() {}

  /// The whole report as a SARIF log.
  public func render(_ report: CheckReport) -> String {
    log(report).jsonText() + "\n"
  }

  func log(_ report: CheckReport) -> Value {
    let rules = report.describedCodes
    let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
    let files = report.mentionedFiles
    let fileIndex = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
    var driver: JSONFields = [("name", .string("bosun")), ("version", .string(report.toolVersion))]
    if let uri = report.toolInformationURI { driver.append(("informationUri", .string(uri))) }
    driver.append(("rules", .array(rules.map(rule))))
    var run: JSONFields = [("tool", .object([("driver", .object(driver))]))]
    if files.contains(where: { Self.artifactURI($0).baseID != nil }) {
      let description: Value = .object([
        ("description", .object([("text", .string("the directory bosun was run from"))]))
      ])
      run.append(("originalUriBaseIds", .object([(Self.sourceRoot, description)])))
    }
    run += [
      (
        "artifacts", .array(files.map { .object([("location", artifactLocation($0, index: nil))]) })
      ),
      (
        "results",
        .array(
          report.diagnostics.map {
            result($0, ruleIndex: ruleIndex[$0.code] ?? 0, fileIndex: fileIndex)
          })
      ),
      ("columnKind", .string("unicodeCodePoints")),
    ]
    return .object([
      ("$schema", .string(Self.schemaURI)), ("version", .string("2.1.0")),
      ("runs", .array([.object(run)])),
    ])
  }

  // MARK: - Rules

  private func rule(_ info: CodeInfo) -> Value {
    var fields: JSONFields = [
      ("id", .string(info.code)),
      ("shortDescription", .object([("text", .string(info.summary))])),
      ("defaultConfiguration", .object([("level", .string(Self.level(info.defaultSeverity)))])),
    ]
    if let help = info.helpURI { fields.append(("helpUri", .string(help))) }
    return .object(fields)
  }

  // MARK: - Results

  private func result(_ d: Diagnostic, ruleIndex: Int, fileIndex: [String: Int]) -> Value {
    var text = d.message
    for note in d.notes where note.location == nil { text += "\nnote: \(note.message)" }
    var fields: JSONFields = [
      ("ruleId", .string(d.code)), ("ruleIndex", .int(ruleIndex)),
      ("level", .string(Self.level(d.severity))), ("message", .object([("text", .string(text))])),
    ]
    var location: JSONFields = []
    if let at = d.location {
      location.append(("physicalLocation", physicalLocation(at, fileIndex)))
    }
    if let object = d.object {
      let logical: Value = .object([
        ("name", .string(object.name)), ("fullyQualifiedName", .string(object.description)),
        ("kind", .string("resource")),
      ])
      location.append(("logicalLocations", .array([logical])))
    }
    if !location.isEmpty { fields.append(("locations", .array([.object(location)]))) }
    let related: [Value] = d.notes.compactMap { note in
      guard let at = note.location else { return nil }
      return .object([
        ("physicalLocation", physicalLocation(at, fileIndex)),
        ("message", .object([("text", .string(note.message))])),
      ])
    }
    if !related.isEmpty {
      let numbered = related.enumerated().map { i, value -> Value in
        guard case .object(let members) = value else { return value }
        return .object([("id", .int(i + 1))] + members)
      }
      fields.append(("relatedLocations", .array(numbered)))
    }
    var properties: JSONFields = []
    if let pointer = d.pointer { properties.append(("pointer", .string(pointer.description))) }
    if let template = d.templateSource { properties.append(("templateSource", .string(template))) }
    if let object = d.object {
      var reference: JSONFields = [
        ("apiVersion", .string(object.apiVersion)), ("kind", .string(object.kind)),
      ]
      if let namespace = object.namespace { reference.append(("namespace", .string(namespace))) }
      reference.append(("name", .string(object.name)))
      properties.append(("object", .object(reference)))
    }
    if !properties.isEmpty { fields.append(("properties", .object(properties))) }
    return .object(fields)
  }

  private func physicalLocation(_ at: SourceLocation, _ fileIndex: [String: Int]) -> Value {
    var fields: JSONFields = [
      ("artifactLocation", artifactLocation(at.file, index: fileIndex[at.file]))
    ]
    if at.line >= 1 {
      var region: JSONFields = [("startLine", .int(at.line))]
      if at.column >= 1 { region.append(("startColumn", .int(at.column))) }
      fields.append(("region", .object(region)))
    }
    return .object(fields)
  }

  private func artifactLocation(_ file: String, index: Int?) -> Value {
    let (uri, baseID) = Self.artifactURI(file)
    var fields: JSONFields = [("uri", .string(uri))]
    if let baseID { fields.append(("uriBaseId", .string(baseID))) }
    if let index { fields.append(("index", .int(index))) }
    return .object(fields)
  }

  // MARK: - Vocabulary

  /// SARIF's level for a severity: `error`, `warning`, `note`.
  public static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "note"
    }
  }

  /// The URI of a path as the user gave it: forward slashes, percent-encoded; relative paths stay
  /// relative to `%SRCROOT%`, absolute ones become `file:` URIs, standard input stays `-`.
  public static func artifactURI(_ path: String) -> (uri: String, baseID: String?) {
    let slashed = path.replacingAll("\\", with: "/")
    if slashed == "-" { return ("-", nil) }
    if slashed.hasPrefix("/") { return ("file://" + percentEncoded(slashed), nil) }
    if isDrivePath(slashed) { return ("file:///" + percentEncoded(slashed), nil) }
    // A colon in a relative path would read as a scheme, so it is encoded too.
    return (percentEncoded(slashed).replacingAll(":", with: "%3A"), sourceRoot)
  }

  private static func isDrivePath(_ path: String) -> Bool {
    let s = Array(path.unicodeScalars.prefix(3))
    guard s.count == 3, s[1] == ":", s[2] == "/" else { return false }
    return ("A"..."Z").contains(s[0]) || ("a"..."z").contains(s[0])
  }

  /// Percent-encodes everything but RFC 3986 unreserved characters, sub-delimiters, `:`, `@`
  /// and `/`, byte by byte in UTF-8.
  static func percentEncoded(_ s: String) -> String {
    let allowed = Set(
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/".utf8)
    var out = ""
    for byte in s.utf8 {
      if allowed.contains(byte) {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}

extension String {
  /// The string with every occurrence of `target` replaced, without Foundation.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
