public import BosunCore

/// Syntax checks on an object's name, labels and annotations (and its pod template's labels),
/// as the API server's validation would reject them.
///
/// Mirrors k8s.io/apimachinery `pkg/api/validation/objectmeta.go` and the per-kind name rules
/// of `pkg/apis/core/validation/validation.go` (`ValidateNamespaceName` is a DNS-1123 label,
/// `ValidateServiceName` a DNS-1035 label, most others DNS-1123 subdomains; a CronJob name must
/// leave room for the 11-character suffix of its Jobs, so at most 52 characters).
public enum MetadataSyntax {
  /// Built-in kinds whose names must be DNS-1123 subdomains.
  static let subdomainNamedKinds: Set<String> = [
    "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob",
    "ConfigMap", "Secret", "PersistentVolumeClaim", "PersistentVolume", "ServiceAccount",
    "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Node",
    "StorageClass", "PriorityClass", "IngressClass", "ReplicationController",
  ]

  /// Where a pod template's metadata sits, for kinds that have one.
  static let templateMetadata: [String: JSONPointer] = [
    "Deployment": "/spec/template/metadata", "ReplicaSet": "/spec/template/metadata",
    "StatefulSet": "/spec/template/metadata", "DaemonSet": "/spec/template/metadata",
    "Job": "/spec/template/metadata", "CronJob": "/spec/jobTemplate/spec/template/metadata",
  ]

  /// Where labels sit, for every object and for the pod template of kinds that have one; read
  /// once here rather than parsed for each object.
  static let metadataLabels: JSONPointer = "/metadata/labels"
  static let templateLabels = templateMetadata.mapValues { $0.appending("labels") }
  static let metadataAnnotations: JSONPointer = "/metadata/annotations"

  /// Every syntax problem of the object, positioned through its pointers.
  public static func check(_ resource: Resource) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let kind = resource.identity.kind
    if let name = resource.identity.name {
      let problems = nameProblems(name, kind: kind)
      if !problems.isEmpty {
        found.append(
          resource.diagnostic(
            .error, code: "object.invalid-name",
            message: "\(kind) name \"\(name)\" is invalid: "
              + problems.map(\.message).joined(separator: "; "),
            at: "/metadata/name"))
      }
    }
    found += labelProblems(resource, at: metadataLabels)
    if let template = templateLabels[kind] { found += labelProblems(resource, at: template) }
    found += annotationProblems(resource, at: metadataAnnotations)
    return found
  }

  /// Problems with an object name of a kind; empty for kinds whose names are not restricted here
  /// (RBAC objects and custom resources accept any path segment).
  public static func nameProblems(_ name: String, kind: String) -> [SyntaxProblem] {
    switch kind {
    case "Namespace":
      return LabelSyntax.dns1123LabelProblems(name)
    case "Service":
      var problems = LabelSyntax.dns1123LabelProblems(name)
      if problems.isEmpty, let first = name.unicodeScalars.first, !("a"..."z").contains(first) {
        problems.append(
          SyntaxProblem(
            .dnsInvalid, "a DNS-1035 label must start with a lowercase letter"))
      }
      return problems
    case "CronJob":
      var problems = LabelSyntax.dns1123SubdomainProblems(name)
      if name.utf8.count > 52 {
        problems.append(
          SyntaxProblem(.dnsTooLong, "must be no more than 52 characters"))
      }
      return problems
    default:
      return subdomainNamedKinds.contains(kind) ? LabelSyntax.dns1123SubdomainProblems(name) : []
    }
  }

  private static func labelProblems(_ resource: Resource, at pointer: JSONPointer)
    -> [Diagnostic]
  {
    guard let labels = resource.node.node(at: pointer)?.pairs else { return [] }
    var found: [Diagnostic] = []
    for pair in labels {
      let key = pair.key.keyString
      if let value = pair.value.scalarText, isPlainValidLabel(key: key, value: value) { continue }
      let at = pointer.appending(key)
      let keyProblems = LabelSyntax.labelKeyProblems(key)
      if !keyProblems.isEmpty {
        found.append(
          resource.diagnostic(
            .error, code: "object.label-key",
            message: "label key \"\(key)\" is invalid: "
              + keyProblems.map(\.message).joined(separator: "; "), at: at))
      }
      guard let value = pair.value.scalarText else { continue }
      let valueProblems = LabelSyntax.labelValueProblems(value)
      if !valueProblems.isEmpty {
        found.append(
          resource.diagnostic(
            .error, code: "object.label-value",
            message: "label \"\(key)\" has an invalid value \"\(value)\": "
              + valueProblems.map(\.message).joined(separator: "; "), at: at))
      }
    }
    return found
  }

  /// A fast yes for the common case: a short key and value made only of lowercase letters,
  /// digits, `-` and `.` (plus one `/` in the key), starting and ending alphanumeric, that the
  /// full checks would accept. Anything else takes the full path.
  static func isPlainValidLabel(key: String, value: String) -> Bool {
    isPlainQualifiedName(key)
      && value.utf8.count <= 63 && (value.isEmpty || isPlain(value, allowSlash: false))
  }

  /// The key half of `isPlainValidLabel`: a qualified name the full checks would accept. Being
  /// all lowercase, it is also a valid annotation key (those are checked lowercased).
  static func isPlainQualifiedName(_ key: String) -> Bool {
    key.utf8.count <= 253 && isPlain(key, allowSlash: true)
  }

  /// Reads the bytes in place: a loop over `String.UTF8View` costs several times as much.
  private static func isPlain(_ text: String, allowSlash: Bool) -> Bool {
    var text = text
    return text.withUTF8 { isPlain($0, allowSlash: allowSlash) }
  }

  private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, allowSlash: Bool) -> Bool {
    func alnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }
    guard let first = bytes.first, let last = bytes.last, alnum(first), alnum(last) else {
      return false
    }
    var slashes = 0
    var sinceSlash = 0
    var previous: UInt8 = 0
    for b in bytes {
      if b == 47 {
        guard allowSlash, previous != 46, previous != 45 else { return false }
        slashes += 1
        sinceSlash = 0
      } else if !(alnum(b) || b == 45 || b == 46) {
        return false
      } else {
        if sinceSlash == 0, slashes > 0, !alnum(b) { return false }
        if b == 46 || b == 45, previous == 46 || previous == 45 && b == 46 { return false }
        sinceSlash += 1
      }
      previous = b
    }
    return slashes <= 1 && sinceSlash <= 63
  }

  private static func annotationProblems(_ resource: Resource, at pointer: JSONPointer)
    -> [Diagnostic]
  {
    guard let annotations = resource.node.node(at: pointer)?.pairs else { return [] }
    var found: [Diagnostic] = []
    var size = 0
    for pair in annotations {
      let key = pair.key.keyString
      size += key.utf8.count + (pair.value.scalarText?.utf8.count ?? 0)
      if isPlainQualifiedName(key) { continue }
      let problems = LabelSyntax.annotationKeyProblems(key)
      if !problems.isEmpty {
        found.append(
          resource.diagnostic(
            .error, code: "object.annotation-key",
            message: "annotation key \"\(key)\" is invalid: "
              + problems.map(\.message).joined(separator: "; "), at: pointer.appending(key)))
      }
    }
    // Every pair counted bounds the size upstream counts (the last value of a repeated key), so
    // only a map over the limit needs that exact count.
    guard size > LabelSyntax.maxAnnotationsSize else { return found }
    var all: [String: String] = [:]
    for pair in annotations { all[pair.key.keyString] = pair.value.scalarText ?? "" }
    for problem in LabelSyntax.annotationsProblems(all) where problem.code == .annotationsTooLarge {
      found.append(
        resource.diagnostic(
          .error, code: "object.annotations-too-large", message: problem.message, at: pointer))
    }
    return found
  }
}
