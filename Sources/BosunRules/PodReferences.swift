public import BosunCore
public import BosunModel
import BosunYAML

/// The objects a pod spec refers to by name: ConfigMaps and Secrets (volumes, projected
/// sources, env, envFrom, image pull secrets), PersistentVolumeClaims and the ServiceAccount,
/// each with the pointer of the name and of any key it reads.
public struct PodReference: Sendable {
  /// The kind referred to: `ConfigMap`, `Secret`, `PersistentVolumeClaim`, `ServiceAccount`.
  public var kind: String
  /// The name referred to.
  public var name: String
  /// The pointer of the name field.
  public var pointer: JSONPointer
  /// Keys read from the object (env key refs, volume items), with their pointers.
  public var keys: [(key: String, pointer: JSONPointer)]
  /// Whether the reference is marked `optional: true`, so a missing object is allowed.
  public var optional: Bool

  /// Every reference of an object's pod spec, in document order of the fields walked.
  public static func all(in object: Resource) -> [PodReference] {
    guard let (spec, at) = PodSpecs.podSpec(of: object) else { return [] }
    var found: [PodReference] = []
    for (index, volume) in (spec["volumes"]?.items ?? []).enumerated() {
      let pointer = at.appending("volumes").appending(index)
      found += volumeReferences(volume, at: pointer)
      for (s, source) in (volume["projected"]?["sources"]?.items ?? []).enumerated() {
        found += volumeReferences(
          source, at: pointer.appending("projected").appending("sources").appending(s))
      }
    }
    for container in PodSpecs.containers(of: object) {
      found += containerReferences(container.node, at: container.pointer)
    }
    for (index, secret) in (spec["imagePullSecrets"]?.items ?? []).enumerated() {
      found += reference(
        "Secret", secret, field: "name", at: at.appending("imagePullSecrets").appending(index))
    }
    for field in ["serviceAccountName", "serviceAccount"] {
      if let name = spec[field]?.scalarText, !name.isEmpty {
        found.append(
          PodReference(
            kind: "ServiceAccount", name: name, pointer: at.appending(field), keys: [],
            optional: false))
        break
      }
    }
    return found
  }

  private static func volumeReferences(_ volume: Node, at pointer: JSONPointer) -> [PodReference] {
    reference("ConfigMap", volume["configMap"], field: "name", at: pointer.appending("configMap"))
      + reference("Secret", volume["secret"], field: "secretName", at: pointer.appending("secret"))
      + reference("Secret", volume["secret"], field: "name", at: pointer.appending("secret"))
      + reference(
        "PersistentVolumeClaim", volume["persistentVolumeClaim"], field: "claimName",
        at: pointer.appending("persistentVolumeClaim"))
  }

  private static func containerReferences(_ container: Node, at pointer: JSONPointer)
    -> [PodReference]
  {
    var found: [PodReference] = []
    for (index, env) in (container["env"]?.items ?? []).enumerated() {
      let from = pointer.appending("env").appending(index).appending("valueFrom")
      found += reference(
        "ConfigMap", env["valueFrom"]?["configMapKeyRef"], field: "name",
        at: from.appending("configMapKeyRef"), keyField: "key")
      found += reference(
        "Secret", env["valueFrom"]?["secretKeyRef"], field: "name",
        at: from.appending("secretKeyRef"), keyField: "key")
    }
    for (index, source) in (container["envFrom"]?.items ?? []).enumerated() {
      let at = pointer.appending("envFrom").appending(index)
      found += reference(
        "ConfigMap", source["configMapRef"], field: "name", at: at.appending("configMapRef"))
      found += reference(
        "Secret", source["secretRef"], field: "name", at: at.appending("secretRef"))
    }
    return found
  }

  /// A reference held by `node` (a mapping) in `field`, with `keyField` or `items[].key` keys.
  private static func reference(
    _ kind: String, _ node: Node?, field: String, at pointer: JSONPointer,
    keyField: String? = nil
  ) -> [PodReference] {
    guard let node, let name = node[field]?.scalarText, !name.isEmpty else { return [] }
    var keys: [(String, JSONPointer)] = []
    if let keyField, let key = node[keyField]?.scalarText {
      keys.append((key, pointer.appending(keyField)))
    }
    for (index, item) in (node["items"]?.items ?? []).enumerated() {
      if let key = item["key"]?.scalarText {
        keys.append((key, pointer.appending("items").appending(index).appending("key")))
      }
    }
    let optional = node["optional"].map { $0.resolved == .bool(true) } ?? false
    return [
      PodReference(
        kind: kind, name: name, pointer: pointer.appending(field), keys: keys,
        optional: optional)
    ]
  }
}

extension PodReference {
  /// Objects every namespace has, so references to them never dangle.
  static let builtIn: [String: Set<String>] = [
    "ServiceAccount": ["default"], "ConfigMap": ["kube-root-ca.crt"],
  ]

  /// Findings for references of one kind that name no object in the input (nor an external
  /// name), and for keys missing from the data of objects that do exist.
  ///
  /// - Parameters:
  ///   - kind: the kind referred to.
  ///   - dataFields: the fields holding the object's keys (`data`, `binaryData`).
  public static func dangling(
    _ kind: String, from object: Resource, in context: RuleContext, dataFields: [String] = []
  ) -> [Finding] {
    let namespace = object.identity.namespace
    var findings: [Finding] = []
    for reference in all(in: object) where reference.kind == kind && !reference.optional {
      if builtIn[kind]?.contains(reference.name) == true { continue }
      let target: Resource
      switch context.lookup(kind: kind, name: reference.name, namespace: namespace) {
      case .found(let found): target = found
      case .external: continue
      case .missing:
        findings.append(
          Finding(
            at: reference.pointer,
            "\(kind) \(reference.name) is not in the input (namespace \(namespace ?? "-")); add it, fix the name, or list it under externalNames in .bosun.yaml"
          ))
        continue
      }
      guard !dataFields.isEmpty else { continue }
      var keys: Set<String> = []
      for field in dataFields {
        for pair in target.node[field]?.pairs ?? [] { keys.insert(pair.key.keyString) }
      }
      for (key, pointer) in reference.keys where !keys.contains(key) {
        findings.append(
          Finding(
            at: pointer,
            "\(kind) \(reference.name) has no key \(key); add it to the \(kind) or fix the key"))
      }
    }
    return findings
  }
}
