public import BosunCore

/// The machine-readable simulation report (`bosun simulate --format json`), documented in
/// `docs/simulate.md`.
///
/// Every key is always present (`null` when it does not apply, `[]` when empty), keys come in
/// a fixed order, seconds are rounded to milliseconds, and the same report gives the same bytes.
public enum SimulationJSON {
  /// The value of `kind`.
  public static let kind = "BosunSimulation"

  /// The report as a JSON value.
  public static func value(of report: SimulationReport) -> Value {
    .object([
      ("version", .int(Int64(report.version))),
      ("kind", .string(kind)),
      ("seed", .string(String(report.seed))),
      ("horizon", seconds(report.horizon)),
      ("duration", seconds(report.duration)),
      ("verdict", .string(report.verdict.rawValue)),
      ("scoringStrategy", .string(report.scoringStrategy.rawValue)),
      ("counters", counters(report.counters)),
      ("steps", .array(report.steps.map(step))),
      ("workloads", .array(report.workloads.map(workload))),
      ("pending", .array(report.pending.map(pending))),
      ("nodes", .array(report.nodes.map(node))),
      ("faults", .array(report.faults.map(fault))),
      ("events", .array(report.events.map(event))),
      ("omittedEvents", .int(Int64(report.omittedEvents))),
      ("rollback", report.rollback.map(rollback) ?? .null),
      ("diagnostics", .array(report.diagnostics.map(diagnostic))),
    ])
  }

  /// The report as JSON text, ending with a newline.
  public static func render(_ report: SimulationReport) -> String {
    value(of: report).jsonText() + "\n"
  }

  /// Seconds rounded to milliseconds, so the bytes do not depend on floating-point noise.
  static func seconds(_ value: Double) -> Value {
    let rounded = (value * 1000).rounded() / 1000
    return .double(rounded == 0 ? 0 : rounded)
  }

  private static func seconds(_ value: Double?) -> Value {
    value.map { seconds($0) } ?? .null
  }

  private static func integer(_ value: Int?) -> Value {
    value.map { .int(Int64($0)) } ?? .null
  }

  private static func string(_ value: String?) -> Value {
    value.map(Value.string) ?? .null
  }

  private static func counters(_ counters: SimulationReport.Counters) -> Value {
    .object([
      ("podsScheduled", .int(Int64(counters.podsScheduled))),
      ("schedulingAttempts", .int(Int64(counters.schedulingAttempts))),
      ("eventsProcessed", .int(Int64(counters.eventsProcessed))),
    ])
  }

  /// `{apiVersion, kind, namespace, name}`, as in `plan.json`.
  private static func reference(_ object: ObjectReference) -> Value {
    .object([
      ("apiVersion", .string(object.apiVersion)), ("kind", .string(object.kind)),
      ("namespace", string(object.namespace)), ("name", .string(object.name)),
    ])
  }

  private static func step(_ step: StepOutcome) -> Value {
    .object([
      ("index", .int(Int64(step.index))),
      ("operation", .string(step.operation.rawValue)),
      ("action", .string(step.action.rawValue)),
      ("object", reference(step.object)),
      ("startedAt", seconds(step.startedAt)),
      ("finishedAt", seconds(step.finishedAt)),
      ("waitedFor", string(step.waitedFor)),
      ("status", .string(step.status.rawValue)),
      ("reason", string(step.reason)),
    ])
  }

  private static func workload(_ workload: WorkloadOutcome) -> Value {
    .object([
      ("object", reference(workload.object)),
      ("strategy", .string(workload.strategy)),
      ("fromRevision", integer(workload.fromRevision)),
      ("toRevision", integer(workload.toRevision)),
      ("startedAt", seconds(workload.startedAt)),
      ("finishedAt", seconds(workload.finishedAt)),
      ("duration", seconds(workload.duration)),
      ("verdict", verdict(workload.verdict)),
      ("maxUnavailableSeen", .int(Int64(workload.maxUnavailableSeen))),
      ("maxUnavailableAllowed", .int(Int64(workload.maxUnavailableAllowed))),
      ("surgePeak", workload.surgePeak.map(surgePeak) ?? .null),
      ("samples", .array(workload.samples.map(sample))),
    ])
  }

  private static func verdict(_ verdict: WorkloadOutcome.Verdict) -> Value {
    let (type, at, since, reason): (String, Double?, Double?, String?) =
      switch verdict {
      case .completes(let at): ("completes", at, nil, nil)
      case .stalls(let reason, let since): ("stalls", nil, since, reason)
      case .progressDeadlineExceeded(let at): ("progress-deadline-exceeded", at, nil, nil)
      case .failed(let reason): ("failed", nil, nil, reason)
      }
    return .object([
      ("type", .string(type)), ("at", seconds(at)), ("since", seconds(since)),
      ("reason", string(reason)),
    ])
  }

  private static func surgePeak(_ peak: WorkloadOutcome.SurgePeak) -> Value {
    .object([
      ("at", seconds(peak.at)), ("extraPods", .int(Int64(peak.extraPods))),
      ("extraRequests", resources(peak.extraRequests)),
    ])
  }

  private static func sample(_ sample: ReplicaSample) -> Value {
    .object([
      ("time", seconds(sample.time)),
      ("desired", .int(Int64(sample.desired))),
      ("updated", .int(Int64(sample.updated))),
      ("ready", .int(Int64(sample.ready))),
      ("available", .int(Int64(sample.available))),
      ("total", .int(Int64(sample.total))),
    ])
  }

  /// Plain integers: millicores, bytes, and extended resources by name in their own units.
  private static func resources(_ list: ResourceList) -> Value {
    .object([
      ("cpuMillis", .int(list.milliCPU)),
      ("memoryBytes", .int(list.memory)),
      ("ephemeralStorageBytes", .int(list.ephemeralStorage)),
      (
        "extended",
        .object(list.scalars.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
      ),
    ])
  }

  private static func pending(_ pod: PendingPod) -> Value {
    .object([
      ("name", .string(pod.name)),
      ("namespace", .string(pod.namespace)),
      ("workload", pod.workload.map(reference) ?? .null),
      ("since", seconds(pod.since)),
      ("message", .string(pod.message)),
    ])
  }

  private static func node(_ node: NodeUsage) -> Value {
    .object([
      ("name", .string(node.name)),
      ("allocatable", resources(node.allocatable)),
      ("allowedPodCount", .int(Int64(node.allowedPodCount))),
      ("failedAt", seconds(node.failedAt)),
      ("drainedAt", seconds(node.drainedAt)),
      (
        "samples",
        .array(
          node.samples.map {
            .object([
              ("time", seconds($0.time)), ("cpuMillis", .int($0.milliCPU)),
              ("memoryBytes", .int($0.memory)), ("pods", .int(Int64($0.pods))),
            ])
          })
      ),
    ])
  }

  private static func fault(_ fault: FaultOutcome) -> Value {
    .object([
      ("kind", .string(fault.kind.rawValue)),
      ("node", .string(fault.node)),
      ("at", seconds(fault.at)),
      ("healedAt", seconds(fault.healedAt)),
      ("displacedPods", .array(fault.displacedPods.map(Value.string))),
      (
        "blockedEvictions",
        .array(
          fault.blockedEvictions.map {
            .object([
              ("pod", .string($0.pod)), ("budget", .string($0.budget)),
              ("at", seconds($0.at)), ("message", .string($0.message)),
            ])
          })
      ),
      ("unhealed", .array(fault.unhealed.map(Value.string))),
    ])
  }

  private static func event(_ event: ClusterEvent) -> Value {
    .object([
      ("time", seconds(event.time)),
      ("type", .string(event.type.rawValue)),
      ("object", .string(event.object.description)),
      ("reason", .string(event.reason)),
      ("message", .string(event.message)),
      ("count", .int(Int64(event.count))),
    ])
  }

  private static func rollback(_ rollback: RollbackOutcome) -> Value {
    .object([
      (
        "steps",
        .array(
          rollback.steps.map { step in
            let (action, revision): (String, Int?) =
              switch step.action {
              case .rolloutUndo(let revision): ("rollout-undo", revision)
              case .delete: ("delete", nil)
              case .recreateFromSnapshot: ("recreate-from-snapshot", nil)
              }
            return .object([
              ("action", .string(action)), ("object", reference(step.object)),
              ("toRevision", integer(revision)), ("command", .string(step.command)),
            ])
          })
      ),
      ("duration", seconds(rollback.duration)),
      ("verdict", .string(rollback.verdict.rawValue)),
    ])
  }

  private static func diagnostic(_ diagnostic: Diagnostic) -> Value {
    .object([
      ("severity", .string(diagnostic.severity.rawValue)),
      ("code", .string(diagnostic.code)),
      ("message", .string(diagnostic.message)),
      ("object", string(diagnostic.object?.description)),
    ])
  }
}
