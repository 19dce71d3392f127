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
    var builder = JSONValueBuilder()
    write(plan, to: &builder)
    return builder.value
  }

  /// The plan as JSON text, ending with a newline.
  public static func render(_ plan: Plan) -> String {
    String(decoding: bytes(plan), as: UTF8.self)
  }

  /// `render(_:)` as UTF-8 bytes, as a file gets them.
  public static func bytes(_ plan: Plan) -> [UInt8] {
    // Written as the plan is walked: building the value of thousands of objects first, only to
    // write it out, costs more than the writing.
    var text = JSONTextWriter()
    write(plan, to: &text)
    var bytes = text.bytes
    bytes.append(UInt8(ascii: "\n"))
    return bytes
  }

  /// The plan's JSON form, written to `out`.
  private static func write(_ plan: Plan, to out: inout some JSONOutput) {
    let counts = plan.counts
    out.object { out in
      out.member("version", .int(Int64(Plan.formatVersion)))
      out.member("kind", .string("BosunPlan"))
      out.member("pruneScope", pruneScope(plan.pruneScope))
      out.key("summary")
      out.object { out in
        for action in PlanAction.allCases {
          out.member(action.rawValue, .int(Int64(counts[action] ?? 0)))
        }
        out.member("steps", .int(Int64(plan.steps.count)))
      }
      out.key("steps")
      out.array { out in
        for index in plan.steps.indices { step(plan.steps[index], to: &out) }
      }
      out.key("unchanged")
      out.array { out in
        // By position: copying each decision would copy its manifests.
        for index in plan.objects.indices where plan.objects[index].action == .unchanged {
          out.object { out in
            out.key("object")
            reference(plan.objects[index].identity, to: &out)
            out.member("reason", .string(plan.objects[index].reason))
          }
        }
      }
      out.member("diagnostics", .array(plan.diagnostics.map(diagnostic)))
    }
  }

  private static func pruneScope(_ scope: PruneScope) -> Value {
    switch scope {
    case .none: .object([("type", .string("none")), ("selector", .null)])
    case .lastApplied: .object([("type", .string("last-applied")), ("selector", .null)])
    case .selector(let selector):
      .object([("type", .string("selector")), ("selector", .string(selector.description))])
    }
  }

  private static func step(_ step: PlanStep, to out: inout some JSONOutput) {
    out.object { out in
      out.member("index", .int(Int64(step.index)))
      out.member("operation", .string(step.operation.rawValue))
      out.member("action", .string(step.action.rawValue))
      out.key("object")
      reference(step.identity, to: &out)
      out.member("reason", .string(step.reason))
      out.key("impacts")
      out.array { out in
        for impact in step.impacts { self.impact(impact, to: &out) }
      }
      out.member("changedPointers", .array(step.changedPointers.map { .string($0.description) }))
      out.member(
        "immutableFields",
        .array(
          step.violations.map {
            .object([
              ("pointer", .string($0.pointer.description)), ("rule", .string($0.rule.id)),
              ("upstream", .string($0.rule.upstream)),
            ])
          }))
      out.member("dependsOn", .array(step.dependsOn.map { .int(Int64($0)) }))
      let manifest = step.object.map { step.identity.kind == "Secret" ? redactSecret($0) : $0 }
      out.member("manifest", manifest ?? .null)
    }
  }

  private static func impact(_ impact: Impact, to out: inout some JSONOutput) {
    out.object { out in
      out.member("kind", .string(impact.kind.rawValue))
      out.member("detail", .string(impact.detail))
      out.member("pointers", .array(impact.pointers.map { .string($0.description) }))
      out.key("objects")
      out.array { out in
        for object in impact.objects { reference(object, to: &out) }
      }
    }
  }

  /// `{apiVersion, kind, namespace, name}`; `namespace` is null for cluster-scoped objects.
  private static func reference(_ identity: ObjectIdentity, to out: inout some JSONOutput) {
    out.object { out in
      out.member("apiVersion", .string(identity.apiVersion))
      out.member("kind", .string(identity.kind))
      out.member("namespace", identity.namespace.map(Value.string) ?? .null)
      out.member("name", .string(identity.displayName))
    }
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
