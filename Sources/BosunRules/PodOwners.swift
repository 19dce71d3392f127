import BosunCore
public import BosunModel
public import BosunYAML

/// Objects that own pods (pod-spec bearing kinds except `PodTemplate`) and the labels their
/// pods get, for rules that follow selectors from Services, PDBs, policies and autoscalers.
public enum PodOwners {
  /// Kinds whose objects create pods (or are pods).
  public static let kinds = PodSpecs.bearingKinds.subtracting(["PodTemplate"])

  /// The labels of the pods an object creates; a Pod's own labels.
  public static func podLabels(of object: Resource) -> [String: String] {
    var labels: [String: String] = [:]
    for pair in PodSpecs.podMetadata(of: object)?.node?["labels"]?.pairs ?? [] {
      if let value = pair.value.scalarText { labels[pair.key.keyString] = value }
    }
    return labels
  }

  /// The pod owners of a namespace, in input order.
  public static func all(in context: RuleContext, namespace: String?) -> [Resource] {
    context.index.podOwners(namespace: namespace).map { context.resources[$0.position] }
  }

  /// The pod owners of a namespace whose pod labels satisfy `selects`.
  ///
  /// `required` names labels every selected pod must carry (a selector's `matchLabels`, a
  /// Service's map): only owners carrying them are tried, which keeps large inputs linear.
  public static func selected(
    in context: RuleContext, namespace: String?, carrying required: [String: String] = [:],
    by selects: ([String: String]) -> Bool
  ) -> [Resource] {
    context.index.podOwners(namespace: namespace, carrying: required).filter { selects($0.labels) }
      .map { context.resources[$0.position] }
  }

  /// The string-valued entries of a mapping node (labels, selectors, data keys).
  public static func stringMap(_ node: Node?) -> [String: String] {
    var map: [String: String] = [:]
    for pair in node?.pairs ?? [] {
      if let value = pair.value.scalarText { map[pair.key.keyString] = value }
    }
    return map
  }
}
