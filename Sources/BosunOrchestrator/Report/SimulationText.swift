/// The simulation report as plain text for the terminal: the verdict first, then a row per
/// workload, the pods that never got a node, the faults and how to roll back.
public enum SimulationText {
  /// The summary, ending with a newline; `colour` adds ANSI colours to verdicts, and without
  /// it the text can be piped and compared.
  public static func render(_ report: SimulationReport, colour: Bool = false) -> String {
    let paint = Paint(enabled: colour)
    var out = paint(headline(report), style(of: report.verdict), bold: true) + "\n"
    out += "seed \(report.seed), \(HumanDuration.text(report.duration)) simulated"
    out += " of a \(HumanDuration.text(report.horizon)) horizon"
    out += ", scoring \(report.scoringStrategy.rawValue)\n"
    out += workloadTable(report.workloads, paint: paint)
    out += problemSteps(report.steps, workloads: report.workloads)
    out += pendingPods(report.pending)
    out += faults(report.faults)
    out += rollback(report.rollback, paint: paint)
    if !report.diagnostics.isEmpty {
      out += "\n"
      for diagnostic in report.diagnostics {
        out += "\(diagnostic.severity.rawValue): \(diagnostic.code): \(diagnostic.message)\n"
      }
    }
    let counters = report.counters
    out +=
      "\n\(counters.podsScheduled) pods scheduled in \(counters.schedulingAttempts) attempts, "
      + "\(counters.eventsProcessed) events processed.\n"
    return out
  }

  // MARK: - Headline

  /// One line that says how it went: `rollout completes in 4m12s`, `rollout stalls: ...`.
  public static func headline(_ report: SimulationReport) -> String {
    switch report.verdict {
    case .completes:
      return "rollout completes in \(HumanDuration.text(report.duration))"
    case .stalls, .fails:
      let word = report.verdict == .stalls ? "stalls" : "fails"
      // A failed step of a workload that did not complete is the same failure: count it once.
      let failedWorkloads = Set(
        report.workloads.filter { cause($0) != nil }.map(\.object))
      let causes =
        report.workloads.compactMap(cause)
        + report.steps.filter { !failedWorkloads.contains($0.object) }.compactMap(cause)
        + report.faults.filter { $0.healedAt == nil }.map {
          "\($0.kind.rawValue) of \($0.node) at \(HumanDuration.text($0.at)) never healed"
        }
      guard let first = causes.first else { return "rollout \(word)" }
      let more = causes.count > 1 ? " (and \(causes.count - 1) more)" : ""
      return "rollout \(word): \(first)\(more)"
    }
  }

  /// Why a workload did not complete, or nil when it did.
  static func cause(_ workload: WorkloadOutcome) -> String? {
    let name = workload.object.description
    switch workload.verdict {
    case .completes: return nil
    case .stalls(let reason, let since):
      return "\(name): \(reason) since \(HumanDuration.text(since))"
    case .progressDeadlineExceeded(let at):
      return "\(name) exceeded its progress deadline at \(HumanDuration.text(at))"
    case .failed(let reason): return "\(name) failed: \(reason)"
    }
  }

  /// Why a step did not finish, for steps that failed outright (a stalled step shows up as its
  /// workload's stall).
  private static func cause(_ step: StepOutcome) -> String? {
    guard step.status == .failed else { return nil }
    return "step \(step.index) (\(step.operation.rawValue) \(step.object)) failed"
      + (step.reason.map { ": \($0)" } ?? "")
  }

  /// The short verdict of a workload for a table cell.
  static func verdictCell(_ verdict: WorkloadOutcome.Verdict) -> String {
    switch verdict {
    case .completes(let at): "completes at \(HumanDuration.text(at))"
    case .stalls(_, let since): "stalls since \(HumanDuration.text(since))"
    case .progressDeadlineExceeded(let at): "deadline exceeded at \(HumanDuration.text(at))"
    case .failed: "failed"
    }
  }

  /// `3 → 4`, `new → 1`, or `-` when the template did not change.
  static func revisions(_ workload: WorkloadOutcome) -> String {
    switch (workload.fromRevision, workload.toRevision) {
    case (nil, nil): "-"
    case (let from, let to): "\(from.map(String.init) ?? "new") → \(to.map(String.init) ?? "-")"
    }
  }

  /// `+3 pods (1500m cpu, 3Gi memory)` or `none`.
  static func surge(_ peak: WorkloadOutcome.SurgePeak?) -> String {
    guard let peak, peak.extraPods > 0 else { return "none" }
    return "+\(peak.extraPods) pods (\(peak.extraRequests.text))"
  }

  // MARK: - Sections

  private static func workloadTable(_ workloads: [WorkloadOutcome], paint: Paint) -> String {
    guard !workloads.isEmpty else { return "\nNo workloads rolled.\n" }
    let header = ["WORKLOAD", "REVISION", "VERDICT", "DURATION", "UNAVAILABLE", "SURGE"]
    let rows = workloads.map { workload in
      [
        workload.object.description, revisions(workload), verdictCell(workload.verdict),
        HumanDuration.text(workload.duration),
        "\(workload.maxUnavailableSeen)/\(workload.maxUnavailableAllowed)"
          + (workload.exceededMaxUnavailable ? " !" : ""),
        surge(workload.surgePeak),
      ]
    }
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    func line(_ cells: [String], verdict: WorkloadOutcome.Verdict?) -> String {
      let padded = cells.enumerated().map { column, cell in
        let text = column == cells.count - 1 ? cell : cell.padded(to: widths[column])
        guard column == 2, let verdict else { return text }
        return paint(text, style(of: verdict))
      }
      return padded.joined(separator: "  ").trailingSpacesRemoved + "\n"
    }
    var out = "\n" + line(header, verdict: nil)
    for (workload, row) in zip(workloads, rows) { out += line(row, verdict: workload.verdict) }
    let causes = workloads.compactMap(cause)
    if !causes.isEmpty { out += "\n" }
    for cause in causes { out += "  \(cause)\n" }
    return out
  }

  /// Steps that did not finish; a stalled step of a workload in the table is left out, as the
  /// table already says why that workload waits.
  private static func problemSteps(_ steps: [StepOutcome], workloads: [WorkloadOutcome])
    -> String
  {
    let rolled = Set(workloads.map(\.object))
    let problems = steps.filter {
      $0.status != .done && !($0.status == .stalled && rolled.contains($0.object))
    }
    guard !problems.isEmpty else { return "" }
    var out = "\nSteps not done:\n"
    for step in problems {
      out += "  \(step.index) \(step.operation.rawValue) \(step.object): \(step.status.rawValue)"
      if let waitedFor = step.waitedFor { out += ", waiting for \(waitedFor)" }
      if let reason = step.reason { out += ": \(reason)" }
      out += "\n"
    }
    return out
  }

  private static func pendingPods(_ pending: [PendingPod]) -> String {
    guard !pending.isEmpty else { return "" }
    var out = "\nPending pods (\(pending.count)):\n"
    for group in PendingGroup.groups(pending) {
      let owner = group.workload?.description ?? "Pod/\(group.namespace)/\(group.firstPod)"
      out += "  \(group.count)× \(owner) since \(HumanDuration.text(group.since)): "
      out += group.message + "\n"
    }
    return out
  }

  private static func faults(_ faults: [FaultOutcome]) -> String {
    guard !faults.isEmpty else { return "" }
    var out = "\nFaults:\n"
    for fault in faults {
      out += "  \(fault.kind.rawValue) \(fault.node) at \(HumanDuration.text(fault.at)): "
      out += "\(plural(fault.displacedPods.count, "pod")) displaced, "
      if let healed = fault.healedAt {
        out += "healed at \(HumanDuration.text(healed)) "
        out += "(after \(HumanDuration.text(healed - fault.at)))\n"
      } else {
        out += "never healed\n"
      }
      for blocked in fault.blockedEvictions {
        out +=
          blocked.budget.isEmpty
          ? "    eviction of \(blocked.pod) refused: "
          : "    eviction of \(blocked.pod) blocked by PodDisruptionBudget \(blocked.budget): "
        out += blocked.message + "\n"
      }
      for reason in fault.unhealed { out += "    \(reason)\n" }
    }
    return out
  }

  private static func rollback(_ rollback: RollbackOutcome?, paint: Paint) -> String {
    guard let rollback else { return "\nRollback: nothing to undo.\n" }
    let verdict =
      rollback.verdict == .completes
      ? "completes in \(HumanDuration.text(rollback.duration))"
      : "\(rollback.verdict.rawValue) after \(HumanDuration.text(rollback.duration))"
    var out = "\nRollback (\(plural(rollback.steps.count, "step"))) "
    out += paint(verdict, style(of: rollback.verdict)) + ":\n"
    for step in rollback.steps { out += "  \(step.command)\n" }
    return out
  }

  /// `1 pod`, `3 pods`.
  static func plural(_ count: Int, _ noun: String) -> String {
    count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
  }

  // MARK: - Colour

  private static func style(of verdict: SimulationReport.Verdict) -> String {
    switch verdict {
    case .completes: "32"
    case .stalls: "33"
    case .fails: "31"
    }
  }

  private static func style(of verdict: WorkloadOutcome.Verdict) -> String {
    switch verdict {
    case .completes: "32"
    case .stalls, .progressDeadlineExceeded: "33"
    case .failed: "31"
    }
  }

  private struct Paint {
    let enabled: Bool

    func callAsFunction(_ text: String, _ code: String, bold: Bool = false) -> String {
      guard enabled else { return text }
      return "\u{1B}[\(bold ? "1;" : "")\(code)m\(text)\u{1B}[0m"
    }
  }
}

extension String {
  fileprivate func padded(to length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }

  fileprivate var trailingSpacesRemoved: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
