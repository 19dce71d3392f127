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
    var metadataPointers: [JSONPointer] = ["/metadata"]
    if let template = templateMetadata[kind] { metadataPointers.append(template) }
    for metadata in metadataPointers {
      found += labelProblems(resource, at: metadata.appending("labels"))
    }
    found += annotationProblems(resource, at: "/metadata/annotations")
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
    func alnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }
    func simple(_ bytes: Substring.UTF8View, allowSlash: Bool) -> Bool {
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
    return key.utf8.count <= 253 && value.utf8.count <= 63
      && simple(Substring(key).utf8, allowSlash: true)
      && (value.isEmpty || simple(Substring(value).utf8, allowSlash: false))
  }

  private static func annotationProblems(_ resource: Resource, at pointer: JSONPointer)
    -> [Diagnostic]
  {
    guard let annotations = resource.node.node(at: pointer)?.pairs else { return [] }
    var found: [Diagnostic] = []
    var all: [String: String] = [:]
    for pair in annotations {
      let key = pair.key.keyString
      all[key] = pair.value.scalarText ?? ""
      let problems = LabelSyntax.annotationKeyProblems(key)
      if !problems.isEmpty {
        found.append(
          resource.diagnostic(
            .error, code: "object.annotation-key",
            message: "annotation key \"\(key)\" is invalid: "
              + problems.map(\.message).joined(separator: "; "), at: pointer.appending(key)))
      }
    }
    for problem in LabelSyntax.annotationsProblems(all) where problem.code == .annotationsTooLarge {
      found.append(
        resource.diagnostic(
          .error, code: "object.annotations-too-large", message: problem.message, at: pointer))
    }
    return found
  }
}
