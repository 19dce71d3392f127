import ArgumentParser
import BosunCore
import BosunDiff
import BosunModel
import BosunOrchestrator
import BosunPlan
import Foundation

/// `bosun plan PATH... --snapshot FILE`: the ordered actions that would bring the recorded
/// cluster to the manifests, with their reasons and impact.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Order the actions that would apply the manifests to a recorded cluster.",
    discussion: """
      Each object gets an action (create, update, replace when an immutable field changes, \
      delete when pruned, unchanged) with its reason and impact: which changes roll pods, which \
      only scale, what puts data at risk or causes downtime, which ConfigMap or Secret changes \
      no pod will pick up. Steps are ordered: namespaces and CRDs first, configuration before \
      the workloads that read it, roles before their bindings, deletes last in reverse order.

      Pruning deletes recorded objects that the manifests no longer hold, only within the prune \
      scope: by default objects carrying kubectl.kubernetes.io/last-applied-configuration; \
      --prune-selector limits it to a label selector; --no-prune turns it off.

      --simulate rehearses the plan on the same snapshot, as `bosun simulate` would, and \
      prints the rehearsal's summary after the plan.

      Exit codes:
        0   nothing to do
        1   changes
        2   input or snapshot could not be read, or the plan cannot be ordered (a cycle);
            with --simulate, also a rollout that stalls or fails
        64  usage error
      """)

  @OptionGroup var inputs: DiffInputs

  @Option(help: "Prune only recorded objects matching this label selector, e.g. app=shop,tier!=db.")
  var pruneSelector: String?

  @Flag(help: "Never prune.")
  var noPrune = false

  @Option(name: [.short, .long], help: "Write the plan as JSON (docs/plan.md) to this file.")
  var output: String?

  @Flag(help: "Rehearse the plan on the snapshot and print the summary after the plan.")
  var simulate = false

  @OptionGroup var rehearsal: RehearsalOptions

  mutating func run() throws {
    let scope: PruneScope
    if noPrune {
      scope = .none
    } else if let pruneSelector {
      guard let selector = PruneScope.parseSelector(pruneSelector) else {
        throw ValidationError("--prune-selector \(pruneSelector) is not a label selector")
      }
      scope = .selector(selector)
    } else {
      scope = .lastApplied
    }
    if rehearsal.isSet && !simulate {
      throw ValidationError("--scenario, --horizon and --scoring apply only with --simulate")
    }
    let simulationOptions = try simulate ? rehearsal.simulationOptions() : nil
    // Recorded objects the manifests do not hold are read whole only when they may be pruned
    // (a delete step shows them) or rehearsed; the others need only identity and metadata.
    let mayPrune: @Sendable (Resource) -> Bool = { [scope] in scope.decide($0).prune }
    let loaded = try inputs.load(alsoWhole: simulate ? nil : mayPrune)
    // Recorded objects missing from the manifests need no comparison: the plan reads only
    // their identity and recorded copy, so the differ leaves them out and `changes` adds them.
    let result = loaded.diff(removedObjects: .none)
    let changes = Self.changes(result, manifests: loaded.manifests, snapshot: loaded.snapshot)
    let plan = PlanBuilder(pruneScope: scope).plan(changes)

    KeepAlive.untilExit((loaded, result, changes, plan))
    let planJSON = PlanJSON.bytes(plan)
    if let output { try AtomicFile.write(Data(planJSON), to: output) }
    FileHandle.standardOutput.write(Data(PlanSummary.render(plan).utf8))
    StandardError.report(plan.diagnostics)
    var settled = true
    if let simulationOptions {
      // The rehearsal reads the plan exactly as `bosun simulate` reads plan.json.
      let rehearsed = RehearsalPlan(bytes: planJSON, file: output ?? "plan.json")
      let report = Rehearsal.run(
        plan: rehearsed, snapshot: RehearsalOptions.resources(of: loaded.snapshot),
        options: simulationOptions)
      FileHandle.standardOutput.write(Data(("\n" + SimulationText.render(report)).utf8))
      settled = report.verdict == .completes
    }
    if plan.diagnostics.contains(where: { $0.severity == .error }) || !settled {
      throw ExitCode(2)
    }
    if plan.hasChanges { throw ExitCode(1) }
  }

  /// The differ's result as the plan builder's input: each object with its desired and recorded
  /// copies, its field changes, and its order-only changes apart; then every recorded object the
  /// manifests do not hold, with no field changes. Sorted by group, kind, namespace and name.
  static func changes(_ result: DiffResult, manifests: ManifestSet, snapshot: Snapshot)
    -> [ObjectChange]
  {
    // Objects are large (manifests and recorded copies), so everything up to the final list
    // works on positions: the first manifest object of each key, then where each change comes
    // from, sorted; each change is built once, in its place.
    let resources = manifests.resources
    var firstOf: [ObjectIdentity.Key: Int] = [:]
    firstOf.reserveCapacity(resources.count)
    // Walking backwards, the first object of a key is the last one written.
    for index in resources.indices.reversed() {
      if let key = resources[index].identity.key { firstOf[key] = index }
    }
    let recorded = snapshot.objects
    var keys: [ObjectIdentity.Key] = []
    var sources: [Source] = []
    keys.reserveCapacity(result.objects.count + recorded.count)
    sources.reserveCapacity(result.objects.count + recorded.count)
    for index in result.objects.indices {
      guard let key = result.objects[index].identity.key else { continue }
      keys.append(key)
      sources.append(.compared(index))
    }
    for index in recorded.indices {
      let key = recorded.keys[index]
      // The differ compares (and so matches with the recording) every manifest object with a
      // kind; the kind is part of the key.
      let desired = firstOf[key]
      if key.kind != "<no kind>", desired != nil { continue }
      keys.append(key)
      sources.append(.recorded(index, desired: desired))
    }
    // Stable, so objects the manifests hold twice keep their manifest order, as in the diff.
    let order = keys.indices.sorted { keys[$0].sorts(before: keys[$1]) }
    return order.map { position in
      switch sources[position] {
      case .compared(let index):
        let key = keys[position]
        return change(
          result.objects[index], desired: firstOf[key].map { resources[$0] }, live: snapshot[key])
      case .recorded(let index, let desired):
        let live = recorded.values[index]
        return ObjectChange(
          identity: live.identity, desired: desired.map { resources[$0] }, live: live)
      }
    }
  }

  /// Where a change comes from: an object the differ compared (its position in the result), or
  /// a recorded object that the manifests do not hold (with the position of a manifest object of
  /// the same key that the differ could not compare, one without a kind).
  private enum Source {
    case compared(Int)
    case recorded(Dictionary<ObjectIdentity.Key, Resource>.Index, desired: Int?)
  }

  /// A compared object as a change, with its order-only changes apart.
  private static func change(_ object: ObjectDiff, desired: Resource?, live: Resource?)
    -> ObjectChange
  {
    var fields: [BosunPlan.FieldChange] = []
    var orderOnly: [JSONPointer] = []
    for change in object.changes {
      if change.kind == .reordered {
        orderOnly.append(change.pointer)
      } else {
        fields.append(
          BosunPlan.FieldChange(
            pointer: change.pointer, before: change.before, after: change.after))
      }
    }
    // The differ's plain values are those of these very objects unless the manifests hold the
    // object twice and this diff is of a later copy.
    let values = desired.map(\.location) == object.location ? object.values : nil
    return ObjectChange(
      identity: object.identity, desired: desired, live: live, fieldChanges: fields,
      orderOnly: orderOnly, values: values)
  }
}
