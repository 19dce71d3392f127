import BosunCore

/// The human report: one block per object that changes, one line per field, keyed by the
/// field's path with list items named by their keys, before and after values, and the
/// manifest position. Colour (ANSI) only when asked.
public struct DiffTextRenderer: Sendable {
  /// Whether to colour the output.
  public var colour: Bool
  /// Whether to list unchanged objects too.
  public var showUnchanged: Bool

  /// Creates a renderer.
  public init(colour: Bool = false, showUnchanged: Bool = false) {
    self.colour = colour
    self.showUnchanged = showUnchanged
  }

  private static let maxValueLength = 160

  /// Renders a whole result.
  public func render(_ result: DiffResult) -> String {
    var out = ""
    for object in result.objects where showUnchanged || object.status != .unchanged {
      render(object, into: &out)
    }
    let counts = result.counts
    out += "\(counts[.added] ?? 0) to add, \(counts[.changed] ?? 0) to change, "
    out += "\(counts[.removed] ?? 0) to remove, \(counts[.unchanged] ?? 0) unchanged"
    out += " (Kubernetes \(result.kubernetesVersion) defaults)\n"
    return out
  }

  private func render(_ object: ObjectDiff, into out: inout String) {
    let (sign, tint): (String, String) =
      switch object.status {
      case .added: ("+", "32")
      case .removed: ("-", "31")
      case .changed: ("~", "33")
      case .unchanged: ("=", "2")
      }
    var header = paint("\(sign) \(object.identity)", tint, bold: true)
    var notes: [String] = []
    if let location = object.location { notes.append(location.description) }
    if object.isThreeWay { notes.append("against last-applied-configuration") }
    if !notes.isEmpty { header += "  (" + notes.joined(separator: ", ") + ")" }
    out += header + "\n"
    for change in object.changes { render(change, into: &out) }
  }

  private func render(_ change: FieldChange, into out: inout String) {
    let (sign, tint): (String, String) =
      switch change.kind {
      case .added: ("+", "32")
      case .removed: ("-", "31")
      case .changed: ("~", "33")
      case .reordered: ("↕", "36")
      }
    var line = "    " + paint("\(sign) \(change.path)", tint)
    if let location = change.location { line += "  " + paint(location.description, "2") }
    out += line + "\n"
    if change.isSensitive {
      out +=
        "        (value hidden: \(change.kind == .changed ? "changed" : change.kind.rawValue))\n"
      return
    }
    if change.kind == .reordered {
      out += "        order: \(list(change.before)) → \(list(change.after))\n"
      return
    }
    if let before = change.before { out += "        " + paint("- " + short(before), "31") + "\n" }
    if let after = change.after { out += "        " + paint("+ " + short(after), "32") + "\n" }
  }

  private func list(_ value: Value?) -> String {
    value?.arrayItems?.map(\.scalarDescription).joined(separator: ", ") ?? ""
  }

  private func short(_ value: Value) -> String {
    let text: String =
      if case .string(let s) = value, !s.contains("\n") { s } else { ValueText.json(value) }
    guard text.count > Self.maxValueLength else { return text }
    return String(text.prefix(Self.maxValueLength)) + "…"
  }

  private func paint(_ text: String, _ code: String, bold: Bool = false) -> String {
    guard colour else { return text }
    return "\u{1B}[\(bold ? "1;" : "")\(code)m\(text)\u{1B}[0m"
  }
}
