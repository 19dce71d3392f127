import BosunCore

/// The simulation report as one self-contained HTML page: inline CSS and SVG, no scripts, no
/// fonts or images from anywhere, so it opens from a CI artifact on a laptop without network.
///
/// Every string from the report is HTML-escaped. Long lists are cut at `rowLimit` rows with a
/// note, and only the busiest `nodeLimit` nodes get a heat strip, so the page stays small on a
/// thousand-node cluster; the JSON report has everything.
public enum SimulationHTML {
  /// Rows shown at most in the pending pods, events and steps tables.
  public static let rowLimit = 300
  /// Nodes shown at most as heat strips.
  public static let nodeLimit = 20

  /// The page, ending with a newline.
  public static func render(_ report: SimulationReport) -> String {
    let end = max(report.duration, 1)
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>\(SimulationText.headline(report).htmlEscaped) · bosun simulate</title>\n"
    out += "<style>\n\(SimulationStyle.css)</style>\n</head>\n<body>\n"
    out += header(report)
    out += summary(report)
    out += workloads(report, end: end)
    out += nodes(report, end: end)
    out += pending(report.pending)
    out += faults(report.faults)
    out += rollback(report.rollback)
    out += steps(report.steps)
    out += events(report)
    out += diagnostics(report)
    out += "<footer>bosun simulate · report format \(report.version) · seed \(report.seed) · "
    out += "times are seconds of simulated time from the start</footer>\n</body>\n</html>\n"
    return out
  }

  // MARK: - Header and summary

  private static func verdictClass(_ verdict: SimulationReport.Verdict) -> String {
    switch verdict {
    case .completes: "ok"
    case .stalls: "warn"
    case .fails: "bad"
    }
  }

  private static func verdictClass(_ verdict: WorkloadOutcome.Verdict) -> String {
    switch verdict {
    case .completes: "ok"
    case .stalls, .progressDeadlineExceeded: "warn"
    case .failed: "bad"
    }
  }

  private static func symbol(_ verdictClass: String) -> String {
    switch verdictClass {
    case "ok": "✓"
    case "warn": "⚠"
    default: "✕"
    }
  }

  private static func header(_ report: SimulationReport) -> String {
    let kind = verdictClass(report.verdict)
    var out = "<header class=\"verdict \(kind)\"><h1><span class=\"symbol\">\(symbol(kind))</span> "
    out += "\(SimulationText.headline(report).htmlEscaped)</h1>\n<p>"
    out += "\(HumanDuration.text(report.duration)) simulated of a "
    out += "\(HumanDuration.text(report.horizon)) horizon · seed \(report.seed) · scoring "
    out += "\(report.scoringStrategy.rawValue) · \(report.counters.podsScheduled) pods scheduled "
    out += "in \(report.counters.schedulingAttempts) attempts · "
    out += "\(report.counters.eventsProcessed) events processed</p></header>\n"
    return out
  }

  private static func summary(_ report: SimulationReport) -> String {
    var out = "<section><h2>Workloads</h2>\n"
    guard !report.workloads.isEmpty else {
      return out + "<p class=\"none\">No workloads rolled.</p></section>\n"
    }
    out += "<table><thead><tr><th>workload</th><th>revision</th><th>strategy</th><th>verdict</th>"
    out += "<th class=\"num\">duration</th><th class=\"num\">max unavailable</th>"
    out += "<th>surge peak</th></tr></thead><tbody>\n"
    for (index, workload) in report.workloads.enumerated() {
      let kind = verdictClass(workload.verdict)
      let over = workload.exceededMaxUnavailable ? " class=\"num over\"" : " class=\"num\""
      out += "<tr><td><a href=\"#workload-\(index)\">"
      out += "\(workload.object.description.htmlEscaped)</a></td>"
      out += "<td>\(SimulationText.revisions(workload).htmlEscaped)</td>"
      out += "<td>\(workload.strategy.htmlEscaped)</td>"
      out += "<td class=\"\(kind)\">\(symbol(kind)) "
      out += "\(SimulationText.verdictCell(workload.verdict).htmlEscaped)</td>"
      out += "<td class=\"num\">\(HumanDuration.text(workload.duration))</td>"
      out += "<td\(over)>\(workload.maxUnavailableSeen) / \(workload.maxUnavailableAllowed)</td>"
      out += "<td>\(SimulationText.surge(workload.surgePeak).htmlEscaped)</td></tr>\n"
    }
    return out + "</tbody></table></section>\n"
  }

  // MARK: - Charts

  private static func workloads(_ report: SimulationReport, end: Double) -> String {
    guard !report.workloads.isEmpty else { return "" }
    var out = "<section><h2>Rollouts over time</h2>\n"
    for (index, workload) in report.workloads.enumerated() {
      let kind = verdictClass(workload.verdict)
      out += "<article class=\"workload\" id=\"workload-\(index)\">"
      out += "<h3>\(workload.object.description.htmlEscaped) "
      out += "<span class=\"badge \(kind)\">\(symbol(kind)) "
      out += "\(SimulationText.verdictCell(workload.verdict).htmlEscaped)</span></h3>\n"
      if let cause = SimulationText.cause(workload) {
        out += "<p class=\"cause \(kind)\">\(cause.htmlEscaped)</p>\n"
      }
      out += "<p class=\"meta\">\(workload.strategy.htmlEscaped) · revision "
      out += "\(SimulationText.revisions(workload).htmlEscaped) · started "
      out += "\(HumanDuration.text(workload.startedAt)) · max unavailable "
      out += "\(workload.maxUnavailableSeen) of \(workload.maxUnavailableAllowed) allowed · surge "
      out += "\(SimulationText.surge(workload.surgePeak).htmlEscaped)</p>\n"
      out += ReplicaChart(workload: workload, faults: report.faults, end: end).svg
      out += "</article>\n"
    }
    return out + "</section>\n"
  }

  private static func nodes(_ report: SimulationReport, end: Double) -> String {
    guard !report.nodes.isEmpty else { return "" }
    let heatmap = NodeHeatmap(nodes: report.nodes, end: end, shown: nodeLimit)
    var out = "<section><h2>Nodes</h2>\n"
    out += "<p class=\"meta\">Requested share of all \(report.nodes.count) nodes' allocatable "
    out += "CPU, memory and pod slots.</p>\n"
    out += heatmap.clusterSVG
    let shown = heatmap.busiest.count
    out += "<h3>\(shown == report.nodes.count ? "Every node" : "The \(shown) busiest nodes") "
    out += "<span class=\"meta\">highest of CPU, memory and pod share, peak per cell</span></h3>\n"
    out += heatmap.stripsSVG
    out += heatmap.rampLegend
    if shown < report.nodes.count {
      out += "<p class=\"meta\">\(report.nodes.count - shown) more nodes not drawn; the JSON "
      out += "report has every node's samples.</p>\n"
    }
    return out + "</section>\n"
  }

  // MARK: - Tables

  private static func table(
    _ title: String, headers: [String], rows: [[String]], total: Int? = nil, empty: String
  ) -> String {
    var out = "<section><h2>\(title.htmlEscaped)</h2>\n"
    guard !rows.isEmpty else {
      return out + "<p class=\"none\">\(empty.htmlEscaped)</p></section>\n"
    }
    out += "<table><thead><tr>"
    for header in headers { out += "<th>\(header.htmlEscaped)</th>" }
    out += "</tr></thead><tbody>\n"
    for row in rows.prefix(rowLimit) {
      out += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
    }
    out += "</tbody></table>\n"
    let count = total ?? rows.count
    if count > min(rows.count, rowLimit) {
      out += "<p class=\"meta\">\(count - min(rows.count, rowLimit)) more not shown; the JSON "
      out += "report has the rest.</p>\n"
    }
    return out + "</section>\n"
  }

  private static func pending(_ pending: [PendingPod]) -> String {
    let rows = PendingGroup.groups(pending).map { group in
      [
        String(group.count),
        (group.workload?.description ?? "Pod/\(group.namespace)/\(group.firstPod)").htmlEscaped,
        HumanDuration.text(group.since), group.message.htmlEscaped,
      ]
    }
    return table(
      "Pending pods (\(pending.count))", headers: ["pods", "owner", "since", "scheduler says"],
      rows: rows, empty: "Every pod found a node.")
  }

  private static func faults(_ faults: [FaultOutcome]) -> String {
    let rows = faults.map { fault in
      let blocked =
        fault.blockedEvictions.map {
          ($0.budget.isEmpty
            ? "\($0.pod) refused: \($0.message)"
            : "\($0.pod) blocked by \($0.budget): \($0.message)").htmlEscaped
        } + fault.unhealed.map(\.htmlEscaped)
      return [
        fault.kind.rawValue, fault.node.htmlEscaped, HumanDuration.text(fault.at),
        String(fault.displacedPods.count),
        fault.healedAt.map {
          "\(HumanDuration.text($0)) (after \(HumanDuration.text($0 - fault.at)))"
        } ?? "<span class=\"warn\">never</span>",
        blocked.isEmpty ? "—" : blocked.joined(separator: "<br>"),
      ]
    }
    return table(
      "Faults", headers: ["fault", "node", "at", "pods displaced", "healed", "what held it up"],
      rows: rows, empty: "No faults were injected.")
  }

  private static func rollback(_ rollback: RollbackOutcome?) -> String {
    guard let rollback else {
      return "<section><h2>Rollback</h2><p class=\"none\">Nothing to undo.</p></section>\n"
    }
    let kind = verdictClass(rollback.verdict)
    var out = "<section><h2>Rollback <span class=\"badge \(kind)\">\(symbol(kind)) "
    let preposition = rollback.verdict == .completes ? "in" : "after"
    out += "\(rollback.verdict.rawValue) \(preposition) \(HumanDuration.text(rollback.duration))"
    out += "</span></h2>\n"
    out += "<pre class=\"commands\">"
    out += rollback.steps.map { $0.command.htmlEscaped }.joined(separator: "\n")
    return out + "</pre></section>\n"
  }

  private static func steps(_ steps: [StepOutcome]) -> String {
    let rows = steps.map { step in
      let kind =
        switch step.status {
        case .done: "ok"
        case .stalled, .skipped: "warn"
        case .failed: "bad"
        }
      return [
        String(step.index), step.operation.rawValue, step.object.description.htmlEscaped,
        HumanDuration.text(step.startedAt),
        step.finishedAt.map(HumanDuration.text) ?? "—",
        (step.waitedFor ?? "—").htmlEscaped,
        "<span class=\"\(kind)\">\(step.status.rawValue)</span>"
          + (step.reason.map { ": " + $0.htmlEscaped } ?? ""),
      ]
    }
    return table(
      "Plan steps",
      headers: ["#", "call", "object", "started", "finished", "waited for", "status"],
      rows: rows, empty: "The plan has no steps.")
  }

  private static func events(_ report: SimulationReport) -> String {
    let rows = report.events.map { event in
      [
        HumanDuration.text(event.time),
        event.type == .warning ? "<span class=\"warn\">Warning</span>" : "Normal",
        event.reason.htmlEscaped, event.object.description.htmlEscaped,
        event.message.htmlEscaped, event.count > 1 ? "×\(event.count)" : "",
      ]
    }
    return table(
      "Events", headers: ["at", "type", "reason", "object", "message", ""], rows: rows,
      total: report.events.count + report.omittedEvents, empty: "No events were recorded.")
  }

  private static func diagnostics(_ report: SimulationReport) -> String {
    guard !report.diagnostics.isEmpty else { return "" }
    let rows = report.diagnostics.map {
      [$0.severity.rawValue, $0.code.htmlEscaped, $0.message.htmlEscaped]
    }
    return table("Diagnostics", headers: ["severity", "code", "message"], rows: rows, empty: "")
  }
}
