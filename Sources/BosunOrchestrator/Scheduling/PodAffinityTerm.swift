import BosunModel
public import BosunYAML

/// A pod (anti-)affinity term: pods selected by `labelSelector` in `namespaces`, counted per
/// domain of `topologyKey`.
///
/// Mirrors `framework.AffinityTerm` (pkg/scheduler/framework/types.go). `namespaceSelector` is
/// honoured only as `{}` (every namespace): namespace labels are not part of the simulated
/// cluster, so a non-empty namespace selector is ignored and only `namespaces` (or the pod's
/// own namespace) count.
public struct PodAffinityTerm: Equatable, Sendable {
  /// `topologyKey`.
  public var topologyKey: String
  /// `namespaces`; empty means the namespace of the pod that carries the term.
  public var namespaces: Set<String>
  /// Whether `namespaceSelector: {}` widened the term to every namespace.
  public var allNamespaces: Bool
  /// `weight`, for a preferred term (1 for a required one).
  public var weight: Int
  var selector: PodLabelSelector

  /// Reads a term; `labels` are the labels of the pod carrying it, which `matchLabelKeys` and
  /// `mismatchLabelKeys` copy into the selector.
  public init(_ node: Node, weight: Int = 1, labels: [String: String]) {
    topologyKey = node.string("topologyKey") ?? ""
    self.weight = weight
    let names = node.strings("namespaces")
    let namespaceSelector = node.object("namespaceSelector")
    allNamespaces =
      names.isEmpty && namespaceSelector != nil && namespaceSelector?.pairs?.isEmpty == true
    namespaces = Set(names)
    var selector = PodLabelSelector(LabelSelector.decode(node["labelSelector"], at: .root).selector)
    selector.add(labelKeys: node.strings("matchLabelKeys"), from: labels, negated: false)
    selector.add(labelKeys: node.strings("mismatchLabelKeys"), from: labels, negated: true)
    self.selector = selector
  }

  /// Whether a pod in `namespace` with `labels` is one the term selects (`AffinityTerm.Matches`);
  /// `ownNamespace` is the namespace of the pod carrying the term.
  public func matches(namespace: String, labels: [String: String], ownNamespace: String) -> Bool {
    guard
      allNamespaces
        || (namespaces.isEmpty ? namespace == ownNamespace : namespaces.contains(namespace))
    else { return false }
    return selector.matches(labels)
  }
}
