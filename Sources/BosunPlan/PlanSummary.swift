import BosunCore

/// The plan as a plain-text table for the terminal: one row per step, then the warnings a
/// reviewer must read, then a one-line count.
public enum PlanSummary {
  /// The impacts listed under the table: those a reviewer must not miss.
  private static let warned: [Impact.Kind] = [.podsNotRestarted, .dataAtRisk, .downtime]

  /// The table text, ending with a newline. No colour, so it can be piped and compared.
  public static func render(_ plan: Plan) -> String {
    var rows: [[String]] = [["#", "ACTION", "CALL", "OBJECT", "IMPACT", "AFTER"]]
    for step in plan.steps {
      rows.append([
        String(step.index), step.action.rawValue, step.operation.rawValue,
        step.identity.description,
        step.impacts.map(\.kind.rawValue).joined(separator: ","),
        step.dependsOn.map(String.init).joined(separator: ","),
      ])
    }
    var out = ""
    if plan.steps.isEmpty {
      out += "No changes.\n"
    } else {
      let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
      for row in rows {
        let cells = row.enumerated().map { column, cell in
          column == row.count - 1 ? cell : cell.padding(toLength: widths[column])
        }
        out += cells.joined(separator: "  ").trailingSpacesRemoved + "\n"
      }
    }
    // By position, reading only the fields needed: copying each decision would copy its manifests.
    var warnings: [String] = []
    for index in plan.objects.indices where !plan.objects[index].impacts.isEmpty {
      let identity = plan.objects[index].identity
      for impact in plan.objects[index].impacts where warned.contains(impact.kind) {
        warnings.append("\(impact.kind.rawValue): \(identity): \(impact.detail)")
      }
    }
    let problems = plan.diagnostics.map { "\($0.severity.rawValue): \($0.code): \($0.message)" }
    if !warnings.isEmpty || !problems.isEmpty { out += "\n" }
    for line in problems + warnings { out += line + "\n" }
    let counts = plan.counts
    out +=
      "\nPlan: \(counts[.create] ?? 0) to create, \(counts[.update] ?? 0) to update, "
      + "\(counts[.replace] ?? 0) to replace, \(counts[.delete] ?? 0) to delete, "
      + "\(counts[.unchanged] ?? 0) unchanged.\n"
    return out
  }
}

extension String {
  fileprivate func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }

  fileprivate var trailingSpacesRemoved: String {
    // In ASCII text a trailing space byte is a trailing space character, so the bytes can be
    // trimmed in place; elsewhere a space may end a larger character, so go by characters.
    let bytes = utf8
    if bytes.allSatisfy({ $0 < 0x80 }) {
      var end = bytes.endIndex
      while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: " ") {
        end = bytes.index(before: end)
      }
      return String(self[..<end])
    }
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
