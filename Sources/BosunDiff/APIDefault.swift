public import BosunCore
public import BosunSchema

/// One API default as data: which kinds, where, under which condition, and what value the API
/// server fills in when the field is absent.
public struct APIDefault: Sendable {
  /// Where the path starts.
  public enum Base: Sendable {
    /// The object's root.
    case object
    /// Every pod spec of a pod-spec bearing kind (`/spec`, `/spec/template/spec`, ...).
    case podSpec
  }

  /// What the field becomes.
  public enum Fill: Sendable {
    /// A constant.
    case value(Value)
    /// The value of a sibling field (Service `targetPort` := `port`).
    case sibling(String)
    /// The value at a pointer from the object's root (Job labels := template labels).
    case fromRoot(JSONPointer)
    /// `Always` for `:latest` or untagged images, else `IfNotPresent` (core/v1 defaults.go).
    case imagePullPolicy
    /// A sibling lowercased (CRD `names.singular` := lowercase `names.kind`).
    case lowercasedSibling(String)
    /// A sibling with a suffix (CRD `names.listKind` := `names.kind` + `List`).
    case siblingWithSuffix(String, String)
  }

  /// When the default applies, besides the field being absent.
  public enum Condition: Sendable {
    /// Always.
    case always
    /// When the value at a pointer from the object's root is one of these.
    case rootIn(JSONPointer, [Value])
    /// When nothing is at a pointer from the object's root.
    case rootAbsent(JSONPointer)
    /// When something is at a pointer from the object's root.
    case rootPresent(JSONPointer)
    /// When a sibling field is present.
    case siblingPresent(String)
  }

  /// The kinds it applies to.
  public var kinds: Set<String>
  /// Where `path` starts.
  public var base: Base
  /// Steps to the map holding the field: a key, `*` for every item of a list, or `+key` to
  /// create an empty map when absent (the server allocates the parent struct too).
  public var path: [String]
  /// The field set when absent.
  public var field: String
  /// What it is set to.
  public var fill: Fill
  /// When it applies.
  public var condition: Condition
  /// The first Kubernetes version that sets it (feature gates on by default from then).
  public var since: KubernetesVersion?
  /// The upstream file it mirrors.
  public var source: String
  /// Whether an empty list or map counts as absent too (upstream tests `len(x) == 0`).
  public var replacesEmpty: Bool

  /// Creates a row.
  public init(
    _ kinds: Set<String>, _ base: Base, _ path: String, _ field: String,
    _ fill: Fill, when condition: Condition = .always, since: KubernetesVersion? = nil,
    orEmpty replacesEmpty: Bool = false, source: String
  ) {
    self.kinds = kinds
    self.base = base
    self.path = path.split(separator: "/").map(String.init)
    self.field = field
    self.fill = fill
    self.condition = condition
    self.since = since
    self.source = source
    self.replacesEmpty = replacesEmpty
  }

  /// Creates a row whose path starts at the object's root.
  public init(
    _ kinds: Set<String>, _ path: String, _ field: String, _ fill: Fill,
    when condition: Condition = .always, since: KubernetesVersion? = nil,
    orEmpty replacesEmpty: Bool = false, source: String
  ) {
    self.init(
      kinds, .object, path, field, fill, when: condition, since: since,
      orEmpty: replacesEmpty, source: source)
  }

  /// Pod spec positions by kind.
  static func podSpecPaths(kind: String) -> [[String]] {
    switch kind {
    case "Pod": [["spec"]]
    case "PodTemplate": [["template", "spec"]]
    case "CronJob": [["spec", "jobTemplate", "spec", "template", "spec"]]
    case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController":
      [["spec", "template", "spec"]]
    default: []
    }
  }

  /// The full paths from the root for one kind.
  func paths(kind: String) -> [[String]] {
    switch base {
    case .object: [path]
    case .podSpec: Self.podSpecPaths(kind: kind).map { $0 + path }
    }
  }

  /// Applies the row to one object along paths from `paths(kind:)`.
  func apply(to object: inout Value, paths: [[String]]) {
    // Holding a copy of the root makes every edit below copy the path it touches, so take
    // one only for the rows that read it.
    let root = readsRoot ? object : .null
    for path in paths where needsFill(object, steps: path[...]) {
      fill(&object, steps: path[...], root: root)
    }
  }

  private var readsRoot: Bool {
    switch (condition, fill) {
    case (.rootIn, _), (.rootAbsent, _), (.rootPresent, _), (_, .fromRoot): true
    default: false
    }
  }

  /// A read-only look ahead: whether the path leads to a map lacking the field (or to a parent
  /// to create). Most objects already carry most defaults, and reading costs less than editing.
  private func needsFill(_ value: Value, steps: ArraySlice<String>) -> Bool {
    guard let step = steps.first else {
      guard case .object(let pairs) = value else { return false }
      for pair in pairs where pair.key == field { return isUnset(pair.value) }
      return true
    }
    switch value {
    case .array(let items) where step == "*":
      let rest = steps.dropFirst()
      return items.contains { needsFill($0, steps: rest) }
    case .object(let pairs):
      let creates = step.utf8.first == UInt8(ascii: "+")
      let key = creates ? String(step.dropFirst()) : step
      for pair in pairs where pair.key == key {
        if pair.value == .null { return creates }
        return needsFill(pair.value, steps: steps.dropFirst())
      }
      return creates
    default:
      return false
    }
  }

  private func fill(_ value: inout Value, steps: ArraySlice<String>, root: Value) {
    guard let step = steps.first else {
      setField(in: &value, root: root)
      return
    }
    let rest = steps.dropFirst()
    if step == "*" {
      value.updateItems { fill(&$0, steps: rest, root: root) }
    } else if step.hasPrefix("+") {
      let key = String(step.dropFirst())
      guard value.isObject, conditionHolds(in: value, root: root, creating: true) else { return }
      if value[key] == nil || value[key] == .null { value.set(key, .object([])) }
      value.update(key) { fill(&$0, steps: rest, root: root) }
    } else {
      value.update(step) { fill(&$0, steps: rest, root: root) }
    }
  }

  private func setField(in map: inout Value, root: Value) {
    guard map.isObject, map[field].map(isUnset) ?? true,
      conditionHolds(in: map, root: root, creating: false),
      let value = fillValue(in: map, root: root)
    else { return }
    map.set(field, value)
  }

  /// Whether a present field still gets the default: when null, or empty for `orEmpty` rows.
  private func isUnset(_ value: Value) -> Bool {
    replacesEmpty ? value.isEmptyValue : value == .null
  }

  /// Conditions on the root are checked before creating parents, so no empty map is left behind.
  private func conditionHolds(in map: Value, root: Value, creating: Bool) -> Bool {
    switch condition {
    case .always: return true
    case .rootIn(let pointer, let values):
      guard let found = root.value(at: pointer) else { return false }
      return values.contains(found)
    case .rootAbsent(let pointer):
      return root.value(at: pointer) == nil
    case .rootPresent(let pointer):
      return root.value(at: pointer) != nil
    case .siblingPresent(let key):
      return creating || map[key] != nil
    }
  }

  private func fillValue(in map: Value, root: Value) -> Value? {
    switch fill {
    case .value(let value): return value
    case .sibling(let key): return map[key]
    case .fromRoot(let pointer): return root.value(at: pointer)
    case .imagePullPolicy:
      guard let image = map["image"]?.stringValue else { return nil }
      return .string(Self.pullPolicy(image: image))
    case .lowercasedSibling(let key):
      return map[key]?.stringValue.map { .string($0.lowercased()) }
    case .siblingWithSuffix(let key, let suffix):
      return map[key]?.stringValue.map { .string($0 + suffix) }
    }
  }

  /// Mirrors core/v1 defaults.go `SetDefaults_Container`: `Always` when the tag is `latest`, or
  /// when there is neither tag nor digest; otherwise `IfNotPresent`.
  static func pullPolicy(image: String) -> String {
    if image.contains("@") { return "IfNotPresent" }
    let lastSegment = image.split(separator: "/").last.map(String.init) ?? image
    guard let colon = lastSegment.lastIndex(of: ":") else { return "Always" }
    let tag = lastSegment[lastSegment.index(after: colon)...]
    return tag == "latest" ? "Always" : "IfNotPresent"
  }
}
