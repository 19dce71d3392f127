import BosunCore
import BosunModel

/// Builds the steps of a plan and orders them through a dependency graph.
struct StepOrdering {
  /// One API call before ordering.
  private struct Call {
    var object: Int
    var operation: PlanStep.Operation
    /// 0: creates, updates and replaces; 1: prune deletes.
    var phase: Int
  }

  let objects: [ObjectPlan]
  private(set) var diagnostics: [Diagnostic] = []
  private var calls: [Call] = []

  init(objects: [ObjectPlan]) {
    self.objects = objects
    for (index, plan) in objects.enumerated() {
      switch plan.action {
      case .create: calls.append(Call(object: index, operation: .create, phase: 0))
      case .update: calls.append(Call(object: index, operation: .update, phase: 0))
      case .replace:
        calls.append(Call(object: index, operation: .delete, phase: 0))
        calls.append(Call(object: index, operation: .create, phase: 0))
      case .delete: calls.append(Call(object: index, operation: .delete, phase: 1))
      case .unchanged: break
      }
    }
  }

  mutating func steps() -> [PlanStep] {
    var graph = DependencyGraph(nodeCount: calls.count)
    addEdges(to: &graph)
    let calls = self.calls
    let objects = self.objects
    let keys = calls.map { Self.tieBreakKey($0, objects) }
    let (order, cycles) = graph.order { keys[$0] < keys[$1] }
    for cycle in cycles { report(cycle) }
    var position = Array(repeating: 0, count: calls.count)
    for (step, node) in order.enumerated() { position[node] = step }
    // Decisions are read field by field: copying one would copy its manifests too.
    return order.enumerated().map { step, node in
      let call = calls[node]
      return PlanStep(
        index: step, operation: call.operation, action: objects[call.object].action,
        identity: objects[call.object].identity, reason: objects[call.object].reason,
        impacts: objects[call.object].impacts,
        changedPointers: objects[call.object].changedPointers,
        violations: objects[call.object].violations,
        dependsOn: graph.predecessors(of: node).map { position[$0] }.filter { $0 < step }.sorted(),
        object: call.operation == .delete ? nil : objects[call.object].desiredValue)
    }
  }

  /// Edges: prerequisites before their users among creates and updates; users before their
  /// prerequisites among prune deletes; a replace's delete before its create.
  private mutating func addEdges(to graph: inout DependencyGraph) {
    var upserts: [ObjectKey: Int] = [:]
    var prunes: [ObjectKey: Int] = [:]
    var definitions: [String: [Int]] = [:]
    var deleteOfReplace: [Int: Int] = [:]
    for (node, call) in calls.enumerated() {
      guard let key = ObjectKey(objects[call.object].identity) else { continue }
      if call.phase == 1 {
        prunes[key] = node
      } else if call.operation == .delete {
        deleteOfReplace[call.object] = node
      } else {
        upserts[key] = node
      }
    }
    for (node, call) in calls.enumerated() where call.operation != .delete || call.phase == 1 {
      guard objects[call.object].identity.kind == "CustomResourceDefinition",
        let group = field(Self.definedGroup, of: call)?.stringValue,
        let kind = field(Self.definedKind, of: call)?.stringValue
      else { continue }
      definitions["\(group)/\(kind)", default: []].append(node)
    }
    let named = [NamedIndex(prunes), NamedIndex(upserts)]
    // Every object's namespaces by kind and name, built when a declared dependency is missing.
    var everyObject: [NameKey: [String?]]?
    for (node, call) in calls.enumerated() {
      if call.phase == 0, call.operation == .delete { continue }
      if call.phase == 0, let delete = deleteOfReplace[call.object] {
        graph.addEdge(from: delete, to: node)
      }
      guard let needs = prerequisites(of: call) else { continue }
      let pool = call.phase == 1 ? prunes : upserts
      for need in needs {
        let found = resolve(
          need, in: pool, named: named[call.phase == 1 ? 0 : 1], definitions: definitions,
          phase: call.phase)
        if found.isEmpty, call.phase == 0, case .named(let kind, let namespace, let name) = need {
          if everyObject == nil {
            var index: [NameKey: [String?]] = [:]
            for object in objects.indices {
              let identity = objects[object].identity
              guard let name = identity.name else { continue }
              index[NameKey(kind: identity.kind, name: name), default: []].append(
                identity.namespace)
            }
            everyObject = index
          }
          let known = (everyObject?[NameKey(kind: kind, name: name)] ?? []).contains {
            ($0 ?? namespace) == namespace
          }
          if !known { reportUnknown(kind: kind, name: name, declaredBy: call.object) }
        }
        for prerequisite in found {
          if call.phase == 1 {
            graph.addEdge(from: node, to: prerequisite)
          } else {
            graph.addEdge(from: prerequisite, to: node)
          }
        }
      }
    }
  }

  // Parsed once: every CustomResourceDefinition that gets a step is read through them.
  private static let definedGroup: JSONPointer = "/spec/group"
  private static let definedKind: JSONPointer = "/spec/names/kind"

  /// A field of the object a call is about: the desired value for creates and updates (already
  /// converted), the recorded node for prune deletes (converting only that field); nil when
  /// there is no such object or field.
  private func field(_ pointer: JSONPointer, of call: Call) -> Value? {
    call.phase == 1
      ? objects[call.object].live?.node.value(at: pointer)
      : objects[call.object].desiredValue?.value(at: pointer)
  }

  /// What a call's object needs to exist first, read as `field(_:of:)` reads it; nil when
  /// there is no such object.
  private func prerequisites(of call: Call) -> [Prerequisite]? {
    let identity = objects[call.object].identity
    return call.phase == 1
      ? objects[call.object].live.map { Prerequisite.of(identity, object: $0.node) }
      : objects[call.object].desiredValue.map { Prerequisite.of(identity, object: $0) }
  }

  /// Kind and name, the part of a key a `bosun.dev/depends-on` entry always gives.
  private struct NameKey: Hashable {
    var kind: String
    var name: String
  }

  /// The calls of a pool by kind and name, with their namespaces.
  private struct NamedIndex {
    var entries: [NameKey: [(namespace: String, node: Int)]] = [:]

    init(_ pool: [ObjectKey: Int]) {
      for (key, node) in pool {
        entries[NameKey(kind: key.kind, name: key.name), default: []].append((key.namespace, node))
      }
    }
  }

  private func resolve(
    _ need: Prerequisite, in pool: [ObjectKey: Int], named: NamedIndex,
    definitions: [String: [Int]], phase: Int
  ) -> [Int] {
    switch need {
    case .object(let key):
      return pool[key].map { [$0] } ?? []
    case .definition(let group, let kind):
      return (definitions["\(group)/\(kind)"] ?? []).filter { calls[$0].phase == phase }
    case .named(let kind, let namespace, let name):
      return (named.entries[NameKey(kind: kind, name: name)] ?? []).filter {
        $0.namespace == namespace || $0.namespace.isEmpty
      }.map(\.node).sorted()
    }
  }

  /// The tie-break order of a call: phase, then Helm's kind order (reversed for prune
  /// deletes), then kind, group, namespace, name, and a replace's delete before its create.
  private struct TieBreakKey: Comparable {
    var phase: Int
    var rank: Int
    var kind: String
    var group: String
    var namespace: String
    var name: String
    var createsOrUpdates: Bool

    // Field by field: comparing tuples, twice over for the last step, costs several times more,
    // and the sort of a large plan compares keys hundreds of thousands of times.
    static func < (a: Self, b: Self) -> Bool {
      if a.phase != b.phase { return a.phase < b.phase }
      if a.rank != b.rank { return a.rank < b.rank }
      if a.kind != b.kind { return a.kind < b.kind }
      if a.group != b.group { return a.group < b.group }
      if a.namespace != b.namespace { return a.namespace < b.namespace }
      if a.name != b.name { return a.name < b.name }
      return !a.createsOrUpdates && b.createsOrUpdates
    }
  }

  private static func tieBreakKey(_ call: Call, _ objects: [ObjectPlan]) -> TieBreakKey {
    let identity = objects[call.object].identity
    let rank = KindOrder.installRank(identity.kind)
    return TieBreakKey(
      phase: call.phase, rank: call.phase == 1 ? -rank : rank, kind: identity.kind,
      group: identity.group, namespace: identity.namespace ?? "", name: identity.displayName,
      createsOrUpdates: call.operation != .delete)
  }

  private mutating func reportUnknown(kind: String, name: String, declaredBy object: Int) {
    let plan = objects[object]
    let location = plan.desired?.location(of: "/metadata/annotations")
    diagnostics.append(
      Diagnostic(
        .warning, code: "plan.unknown-dependency",
        message:
          "\(Prerequisite.annotation) names \(kind)/\(name), which is neither in the manifests nor in the snapshot; the dependency is ignored",
        location: location, pointer: "/metadata/annotations", object: plan.identity.reference))
  }

  private mutating func report(_ cycle: [Int]) {
    let identities = cycle.map { objects[calls[$0].object].identity }
    guard let first = identities.first else { return }
    let path = (identities + [first]).map(\.description).joined(separator: " → ")
    let resource = objects[calls[cycle[0]].object].desired ?? objects[calls[cycle[0]].object].live
    diagnostics.append(
      Diagnostic(
        .error, code: "plan.dependency-cycle",
        message:
          "these objects wait on each other in a cycle: \(path); the plan starts with \(first) anyway, so applying it may fail. Remove one of the dependencies (a depends-on annotation or a reference)",
        location: resource?.location, object: first.reference,
        notes: identities.dropFirst().map { identity in
          let other = objects.first { $0.identity == identity }
          return Diagnostic.Note(
            "\(identity) is on the cycle", at: (other?.desired ?? other?.live)?.location)
        }))
  }
}
