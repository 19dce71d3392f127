import BosunOrchestrator

/// `bosun simulate --explain POD` as text: node by node, whether the pod fits and why not, and
/// each scoring plugin's score, the node it is bound to marked.
enum ExplanationTable {
  /// Short column headers of the scoring plugins, with the profile weight when it is not 1.
  static func header(_ plugin: SchedulingPlugin) -> String {
    let name =
      switch plugin {
      case .taintToleration: "TAINT"
      case .nodeAffinity: "NODE-AFF"
      case .nodeResourcesFit: "FIT"
      case .podTopologySpread: "SPREAD"
      case .interPodAffinity: "POD-AFF"
      case .nodeResourcesBalancedAllocation: "BALANCED"
      case .nodeUnschedulable, .nodeName, .nodePorts: plugin.rawValue.uppercased()
      }
    return plugin.weight == 1 ? name : "\(name)×\(plugin.weight)"
  }

  /// The explanation, ending with a newline.
  static func render(_ explanation: PodExplanation) -> String {
    var out = "Placement of pod \(explanation.pod) at \(HumanDuration.text(explanation.at)): "
    if let bound = explanation.boundNode {
      out += "bound to \(bound)\n"
    } else {
      out += "Pending\n"
      if let message = explanation.message { out += "  \(message)\n" }
    }
    guard !explanation.verdicts.isEmpty else { return out + "  no node to consider\n" }
    let plugins = SchedulingPlugin.scoring
    // The verdict comes last and unpadded: a rejection reason is long, a score is short.
    let header = ["  NODE"] + plugins.map(header) + ["TOTAL", "VERDICT"]
    let rows = explanation.verdicts.map { verdict in
      let marked = (verdict.nodeName == explanation.boundNode ? "* " : "  ") + verdict.nodeName
      guard verdict.isFeasible else {
        return [marked] + plugins.map { _ in "-" } + ["-", Self.failure(verdict)]
      }
      let scores = plugins.map { plugin in
        verdict.scores.first { $0.plugin == plugin }.map { String($0.normalized) } ?? "-"
      }
      return [marked] + scores + [verdict.totalScore.map(String.init) ?? "-", "fits"]
    }
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { column, cell in
        column == cells.count - 1
          ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
      }
      return padded.joined(separator: "  ") + "\n"
    }
    out += "\n" + line(header)
    for row in rows { out += line(row) }
    out += "\nScores are 0–100 per plugin; TOTAL adds them times the weight shown (×3, ×2)."
    if explanation.boundNode != nil { out += " * marks the node the pod is bound to." }
    out += "\nThe pod is weighed against the cluster at the end of the rehearsal, without itself.\n"
    return out
  }

  /// `TaintToleration: node(s) had untolerated taint(s) (dedicated=db:NoSchedule)`, the first
  /// filter that rejects the node (the one kube-scheduler reports), and how many more do.
  static func failure(_ verdict: NodeVerdict) -> String {
    guard let first = verdict.failures.first else { return "fits" }
    var text = "\(first.plugin.rawValue): \(first.reasons.joined(separator: ", "))"
    if let detail = first.detail { text += " (\(detail))" }
    if verdict.failures.count > 1 {
      let more = verdict.failures.count - 1
      text += " (+\(more) more filter\(more == 1 ? "" : "s"))"
    }
    return text
  }

  /// What to say when no pod matches the query: a few Pending pods to try instead.
  static func notFound(_ query: String, report: SimulationReport) -> String {
    var out =
      "No pod matches \(query) at the end of the rehearsal; give a pod name, namespace/name, "
    out += "Kind/name or Kind/namespace/name of its workload.\n"
    let pending = report.pending.map { "\($0.namespace)/\($0.name)" }
    if pending.isEmpty {
      out += "No pod is Pending.\n"
    } else {
      out += "Pending pods: \(pending.prefix(5).joined(separator: ", "))"
      out += pending.count > 5 ? ", and \(pending.count - 5) more\n" : "\n"
    }
    return out
  }
}
