import BosunCore
public import BosunModel
public import BosunSchema
import BosunYAML

/// Compares manifests with a recorded cluster: for each object, what `kubectl apply` would
/// change, field by field.
///
/// Each side is normalised; the cluster copy is then patched with the manifest the way
/// client-side apply does (three-way when the copy carries last-applied-configuration), the
/// result is defaulted again, and the two are walked side by side.
public struct ManifestDiffer: Sendable {
  /// The options.
  public let options: DiffOptions
  private var normaliser: Normaliser
  private let keys: ListKeys

  /// Creates a differ; `catalog` supplies list keys (nil: only the `name`/`key`/`id` fallback).
  public init(options: DiffOptions, catalog: SchemaCatalog?) {
    self.options = options
    self.normaliser = Normaliser(
      kubernetesVersion: options.kubernetesVersion, ignoreRules: options.ignoreRules)
    self.keys = ListKeys(catalog: catalog, version: options.kubernetesVersion)
  }

  /// Compares every manifest object with its recorded copy. Custom resources get the schema
  /// defaults of the CustomResourceDefinitions recorded or in the manifests.
  public func diff(desired: [Resource], snapshot: Snapshot) -> DiffResult {
    var differ = self
    differ.normaliser.customResourceDefaults = CustomResourceDefaults(
      recorded: snapshot.objects.values, manifests: desired)
    return differ.compare(desired: desired, snapshot: snapshot)
  }

  private func compare(desired: [Resource], snapshot: Snapshot) -> DiffResult {
    var compared: [(key: ObjectIdentity.Key, resource: Resource, live: Resource?)] = []
    compared.reserveCapacity(desired.count)
    var diagnostics: [Diagnostic] = []
    var seen = Set<ObjectIdentity.Key>()
    var namespaces = Set<String>()
    for resource in desired {
      guard let key = resource.identity.key, resource.identity.kind != "<no kind>" else {
        diagnostics.append(
          resource.diagnostic(
            .error, code: "diff.unidentified-object",
            message:
              "this object has no kind or name, so it cannot be matched with the cluster; give it both",
            at: .root))
        continue
      }
      seen.insert(key)
      if let namespace = resource.identity.namespace { namespaces.insert(namespace) }
      compared.append((key, resource, snapshot[key]))
    }
    // Objects are compared independently of each other, so on every core.
    let diffs = Parallel.map(indices: compared.count, chunk: 64) { [self, compared] index in
      diff(compared[index].resource, live: compared[index].live)
    }
    var outcomes = zip(compared, diffs).map { (key: $0.key, diff: $1) }
    if options.removedObjects != .none {
      for (key, live) in snapshot.objects where !seen.contains(key) {
        if options.removedObjects == .applied {
          guard live.annotations[ServerOwnedFields.lastAppliedAnnotation] != nil,
            key.namespace.isEmpty || namespaces.contains(key.namespace)
          else { continue }
        }
        let before = normaliser.normalise(live.node.toValue(), identity: live.identity)
        outcomes.append(
          (
            key,
            ObjectDiff(
              identity: live.identity, status: .removed,
              before: Self.masked(before, identity: live.identity, other: nil))
          ))
      }
    }
    return DiffResult(
      objects: outcomes.sortedByKey(\.key).map(\.diff), diagnostics: diagnostics,
      kubernetesVersion: options.kubernetesVersion)
  }

  /// Compares one manifest object with its recorded copy (nil: not on the cluster).
  public func diff(_ resource: Resource, live: Resource?) -> ObjectDiff {
    let identity = resource.identity
    // A live copy without an applied configuration, merged two-way, often stays as it is.
    if let live, options.liveOnlyFields == .keep,
      live.node["metadata"]?["annotations"]?[ServerOwnedFields.lastAppliedAnnotation] == nil,
      UnchangedCheck.mergesBack(
        desired: resource.node, live: live.node,
        isSecret: identity.kind == "Secret" && identity.group.isEmpty)
    {
      return ObjectDiff(
        identity: identity, status: .unchanged, isThreeWay: false, location: resource.location)
    }
    let desiredValue = resource.node.toValue()
    let wanted = normaliser.prepare(desiredValue, identity: identity)
    guard let live else {
      let after = normaliser.finish(wanted, identity: identity)
      return ObjectDiff(
        identity: identity, status: .added, location: resource.location,
        after: Self.masked(after, identity: identity, other: nil))
    }
    let liveValue = live.node.toValue()
    let lastApplied = ServerOwnedFields.lastApplied(in: liveValue)
    let current = normaliser.prepare(liveValue, identity: live.identity)
    let original: Value? =
      switch options.liveOnlyFields {
      case .keep: lastApplied.map { normaliser.prepare($0, identity: identity) }
      case .report: ServerAllocatedFields.owned(current, kind: identity.kind)
      }
    let merge = ThreeWayMerge(keys: keys, apiVersion: identity.apiVersion, kind: identity.kind)
    var predicted = merge.merge(original: original, desired: wanted, live: current)
    // The server converts between versions of a group; the stored version is not a change.
    if let recorded = current["apiVersion"] { predicted.set("apiVersion", recorded) }
    // The merge keeps the live order, so a manifest that changes nothing merges back into
    // exactly the live object, and defaulting both would only find them equal again.
    if predicted == current {
      return ObjectDiff(
        identity: identity, status: .unchanged, isThreeWay: lastApplied != nil,
        location: resource.location)
    }
    let before = normaliser.finish(current, identity: identity)
    var after = normaliser.finish(predicted, identity: identity)

    let isSecret = identity.kind == "Secret" && identity.group.isEmpty
    var walk = StructuralDiff(
      keys: keys, apiVersion: live.identity.apiVersion, kind: identity.kind,
      isSensitive: { path in isSecret && (path.first == "data" || path.first == "stringData") })
    walk.compare(before, after)
    Self.harmonise(&after, with: before, path: [])
    // Manifest order: by position in the manifest, ties (removals under one parent) in walk order.
    let changes = walk.changes.enumerated().map { index, change in
      var located = change
      located.location = Self.location(of: change, in: resource, isSecret: isSecret)
      return (index, located)
    }.sorted { lhs, rhs in
      let l = lhs.1.location.map { ($0.line, $0.column) } ?? (0, 0)
      let r = rhs.1.location.map { ($0.line, $0.column) } ?? (0, 0)
      return l != r ? l < r : lhs.0 < rhs.0
    }.map(\.1)
    guard !changes.isEmpty else {
      return ObjectDiff(
        identity: identity, status: .unchanged, isThreeWay: lastApplied != nil,
        location: resource.location)
    }
    var changed = ObjectDiff(
      identity: identity, status: .changed, changes: changes, isThreeWay: lastApplied != nil,
      location: resource.location,
      before: Self.masked(before, identity: identity, other: after, side: "before"),
      after: Self.masked(after, identity: identity, other: before))
    changed.values = (desiredValue, liveValue)
    return changed
  }

  /// Gives leaves that are equal by meaning but not by text (`1000m` and `"1"`) the cluster's
  /// text, so renderings of the two sides differ only where the diff found a change.
  static func harmonise(_ after: inout Value, with before: Value, path: [String]) {
    var path = path
    harmonise(&after, with: before, path: &path)
  }

  /// The walk of `harmonise(_:with:path:)`, with one path grown and shrunk in place.
  private static func harmonise(_ after: inout Value, with before: Value, path: inout [String]) {
    switch (after, before) {
    case (.object(var pairs), .object):
      after = .null
      for index in pairs.indices {
        guard let old = before[pairs[index].key] else { continue }
        path.append(pairs[index].key)
        harmonise(&pairs[index].value, with: old, path: &path)
        path.removeLast()
      }
      after = .object(pairs)
    case (.array(var items), .array(let old)) where items.count == old.count:
      after = .null
      path.append("*")
      for index in items.indices { harmonise(&items[index], with: old[index], path: &path) }
      path.removeLast()
      after = .array(items)
    case (.object, _), (.array, _), (_, .object), (_, .array):
      return
    default:
      if after != before, SemanticEquality.equal(after, before, path: path) { after = before }
    }
  }

  /// The manifest position of a change: the field itself, or its nearest parent in the
  /// manifest. Removed fields point at their parent, since the manifest no longer has them.
  private static func location(of change: FieldChange, in resource: Resource, isSecret: Bool)
    -> SourceLocation
  {
    var pointer = change.kind == .removed ? change.pointer.parent : change.pointer
    if isSecret, case .key("data")? = pointer.tokens.first,
      resource.node.node(at: pointer) == nil
    {
      let folded = JSONPointer(tokens: [.key("stringData")] + pointer.tokens.dropFirst())
      if resource.node.node(at: folded) != nil { pointer = folded }
    }
    return resource.location(of: pointer)
  }

  /// A Secret with its values replaced by `***`, marked `(before)`/`(after)` where the two
  /// sides differ, as `kubectl diff` does; any other object unchanged.
  static func masked(
    _ value: Value, identity: ObjectIdentity, other: Value?, side: String = "after"
  ) -> Value {
    guard identity.kind == "Secret", identity.group.isEmpty else { return value }
    var copy = value
    for field in ["data", "stringData"] {
      copy.update(field) { map in
        guard case .object(let pairs) = map else { return }
        map = .object(
          pairs.map { pair in
            let same = other?[field]?[pair.key] == pair.value
            return (key: pair.key, value: .string(same || other == nil ? "***" : "*** (\(side))"))
          })
      }
    }
    return copy
  }
}
