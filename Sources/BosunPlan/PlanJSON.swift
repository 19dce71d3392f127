public import BosunCore
import BosunModel

/// The machine-readable plan (`bosun plan -o plan.json`), documented in `docs/plan.md`.
///
/// Same plan, same bytes. Secret `data` and `stringData` values are replaced by
/// `"(redacted)"`: a plan file ends up in CI artifacts, and no secret belongs there.
public enum PlanJSON {
  /// The text written for a secret value.
  public static let redacted = "(redacted)"

  /// The plan as a JSON value.
  public static func value(of plan: Plan) -> Value {
    let counts = plan.counts
    let unchanged = plan.objects.filter { $0.action == .unchanged }
    return .object([
      ("version", .int(Int64(Plan.formatVersion))),
      ("kind", .string("BosunPlan")),
      ("pruneScope", pruneScope(plan.pruneScope)),
      (
        "summary",
        .object(
          PlanAction.allCases.map { ($0.rawValue, .int(Int64(counts[$0] ?? 0))) }
            + [("steps", .int(Int64(plan.steps.count)))])
      ),
      ("steps", .array(plan.steps.map(step))),
      (
        "unchanged",
        .array(
          unchanged.map {
            .object([("object", reference($0.identity)), ("reason", .string($0.reason))])
          })
      ),
      ("diagnostics", .array(plan.diagnostics.map(diagnostic))),
    ])
  }

  /// The plan as JSON text, ending with a newline.
  public static func render(_ plan: Plan) -> String {
    value(of: plan).jsonText() + "\n"
  }

  private static func pruneScope(_ scope: PruneScope) -> Value {
    switch scope {
    case .none: .object([("type", .string("none")), ("selector", .null)])
    case .lastApplied: .object([("type", .string("last-applied")), ("selector", .null)])
    case .selector(let selector):
      .object([("type", .string("selector")), ("selector", .string(selector.description))])
    }
  }

  private static func step(_ step: PlanStep) -> Value {
    var pairs: [(key: String, value: Value)] = [
      ("index", .int(Int64(step.index))),
      ("operation", .string(step.operation.rawValue)),
      ("action", .string(step.action.rawValue)),
      ("object", reference(step.identity)),
      ("reason", .string(step.reason)),
      ("impacts", .array(step.impacts.map(impact))),
      ("changedPointers", .array(step.changedPointers.map { .string($0.description) })),
      (
        "immutableFields",
        .array(
          step.violations.map {
            .object([
              ("pointer", .string($0.pointer.description)), ("rule", .string($0.rule.id)),
              ("upstream", .string($0.rule.upstream)),
            ])
          })
      ),
      ("dependsOn", .array(step.dependsOn.map { .int(Int64($0)) })),
    ]
    let manifest = step.object.map { step.identity.kind == "Secret" ? redactSecret($0) : $0 }
    pairs.append(("manifest", manifest ?? .null))
    return .object(pairs)
  }

  private static func impact(_ impact: Impact) -> Value {
    .object([
      ("kind", .string(impact.kind.rawValue)),
      ("detail", .string(impact.detail)),
      ("pointers", .array(impact.pointers.map { .string($0.description) })),
      ("objects", .array(impact.objects.map(reference))),
    ])
  }

  /// `{apiVersion, kind, namespace, name}`; `namespace` is null for cluster-scoped objects.
  static func reference(_ identity: ObjectIdentity) -> Value {
    .object([
      ("apiVersion", .string(identity.apiVersion)), ("kind", .string(identity.kind)),
      ("namespace", identity.namespace.map(Value.string) ?? .null),
      ("name", .string(identity.displayName)),
    ])
  }

  private static func diagnostic(_ diagnostic: Diagnostic) -> Value {
    let location = diagnostic.location
    return .object([
      ("severity", .string(diagnostic.severity.rawValue)),
      ("code", .string(diagnostic.code)),
      ("message", .string(diagnostic.message)),
      ("file", location.map { .string($0.file) } ?? .null),
      ("line", location.map { .int(Int64($0.line)) } ?? .null),
      ("column", location.map { .int(Int64($0.column)) } ?? .null),
      ("object", diagnostic.object.map { .string($0.description) } ?? .null),
    ])
  }

  private static func redactSecret(_ object: Value) -> Value {
    guard case .object(let pairs) = object else { return object }
    return .object(
      pairs.map { pair in
        guard pair.key == "data" || pair.key == "stringData", case .object(let entries) = pair.value
        else { return pair }
        return (pair.key, .object(entries.map { ($0.key, .string(redacted)) }))
      })
  }
}
