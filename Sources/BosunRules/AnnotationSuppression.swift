public import BosunCore
public import BosunModel

/// A `bosun.dev/ignore: "rule-a,rule-b"` annotation on an object, or on the pod template of a
/// pod-spec bearing object, with an optional `bosun.dev/ignore-reason`. It suppresses the named
/// rules on the whole object.
public struct AnnotationSuppression: Sendable, Equatable {
  /// The annotation key.
  public static let key = "bosun.dev/ignore"
  /// The key of the optional reason.
  public static let reasonKey = "bosun.dev/ignore-reason"

  /// Where the annotation is, relative to the object.
  public var pointer: JSONPointer
  /// The rule ids it names.
  public var ruleIDs: [String]
  /// The reason, if given.
  public var reason: String?

  /// The suppressions on an object: its own annotation, then its pod template's.
  public static func of(_ object: Resource) -> [AnnotationSuppression] {
    var result: [AnnotationSuppression] = []
    var metadataPointers: [JSONPointer] = ["/metadata"]
    if let template = PodSpecs.podMetadata(of: object)?.pointer, template != "/metadata" {
      metadataPointers.append(template)
    }
    for metadata in metadataPointers {
      let annotations = metadata.appending("annotations")
      guard let node = object.node.node(at: annotations.appending(key)),
        let text = node.scalarText
      else { continue }
      let ids = text.split { $0 == "," || $0 == " " }.map(String.init)
      let reason = object.node.node(at: annotations.appending(reasonKey))?.scalarText
      result.append(
        AnnotationSuppression(
          pointer: annotations.appending(key), ruleIDs: ids, reason: reason))
    }
    return result
  }
}
