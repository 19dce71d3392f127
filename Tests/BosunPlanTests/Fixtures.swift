import BosunCore
import BosunModel
import BosunYAML

@testable import BosunPlan

/// The objects of a YAML stream (several documents), trimmed of the common indentation.
func resources(_ text: String, file: String = "test.yaml") -> [Resource] {
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  let indent =
    lines.filter { !$0.allSatisfy(\.isWhitespace) }
    .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
  let body = lines.map { $0.dropFirst(min(indent, $0.count)) }.joined(separator: "\n")
  let stream = YAMLParser.parse(Array(body.utf8), file: file)
  precondition(stream.diagnostics.isEmpty, "fixture does not parse: \(stream.diagnostics)")
  var set = ManifestSet()
  set.add(stream)
  return set.resources
}

/// Pairs desired and live objects by identity and compares them field by field, the simplest
/// way (maps by key, lists by index): enough to feed the plan in tests; the real differ
/// normalises and matches list items by merge key.
func changes(desired: String, live: String) -> [ObjectChange] {
  let desiredObjects = resources(desired, file: "desired.yaml")
  let liveObjects = resources(live, file: "live.yaml")
  var result: [ObjectChange] = []
  for object in desiredObjects {
    let match = liveObjects.first { $0.identity.key == object.identity.key }
    var fields: [FieldChange] = []
    if let match { compare(match.node.toValue(), object.node.toValue(), at: .root, into: &fields) }
    result.append(
      ObjectChange(identity: object.identity, desired: object, live: match, fieldChanges: fields))
  }
  for object in liveObjects
  where !desiredObjects.contains(where: { $0.identity.key == object.identity.key }) {
    result.append(ObjectChange(identity: object.identity, desired: nil, live: object))
  }
  return result
}

private func compare(
  _ old: Value?, _ new: Value?, at pointer: JSONPointer, into out: inout [FieldChange]
) {
  switch (old, new) {
  case (.object(let a)?, .object(let b)?):
    let keys = a.map(\.key) + b.map(\.key).filter { key in !a.contains { $0.key == key } }
    for key in keys {
      compare(
        a.first { $0.key == key }?.value, b.first { $0.key == key }?.value,
        at: pointer.appending(key), into: &out)
    }
  case (.array(let a)?, .array(let b)?) where a.count == b.count:
    for index in a.indices { compare(a[index], b[index], at: pointer.appending(index), into: &out) }
  default:
    if old != new { out.append(FieldChange(pointer: pointer, before: old, after: new)) }
  }
}

/// `Kind/name` of each step with its operation: `create Namespace/shop`.
func describe(_ steps: [PlanStep]) -> [String] {
  steps.map { "\($0.operation.rawValue) \($0.identity.kind)/\($0.identity.displayName)" }
}

let deploymentYAML = """
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    replicas: REPLICAS
    selector: {matchLabels: {app: SELECTOR}}
    strategy: {type: STRATEGY}
    template:
      metadata: {labels: {app: SELECTOR}}
      spec:
        containers:
        - name: web
          image: IMAGE
          envFrom:
          - configMapRef: {name: web-config}
  """

/// The web Deployment with the given values.
func deployment(
  replicas: Int = 3, selector: String = "web", image: String = "shop/web:1.0",
  strategy: String = "RollingUpdate"
) -> String {
  deploymentYAML.replacingOccurrences(of: "REPLICAS", with: String(replicas))
    .replacingOccurrences(of: "SELECTOR", with: selector)
    .replacingOccurrences(of: "IMAGE", with: image)
    .replacingOccurrences(of: "STRATEGY", with: strategy)
}
