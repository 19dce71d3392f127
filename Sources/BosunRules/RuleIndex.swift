import BosunModel

/// Lookups over one run's objects, built once so cross-object rules stay linear: objects by
/// kind, by kind and namespace, and the pod owners of each namespace with their pod labels.
final class RuleIndex: Sendable {
  struct Key: Hashable {
    var kind: String
    var namespace: String?
  }

  /// A pod owner's position in `resources` and the labels its pods get.
  struct PodOwner: Sendable {
    var position: Int
    var labels: [String: String]
  }

  struct NameKey: Hashable {
    var kind: String
    var namespace: String?
    var name: String
  }

  let byKind: [String: [Int]]
  let byKindAndNamespace: [Key: [Int]]
  /// The first object of each kind, namespace and name.
  let byName: [NameKey: Int]
  /// HorizontalPodAutoscalers by the workload their scaleTargetRef names (kind and name, in the
  /// autoscaler's namespace).
  let autoscalersByTarget: [NameKey: Int]
  let podOwnersByNamespace: [String: [PodOwner]]
  let clusterScopedPodOwners: [PodOwner]
  /// For each namespace, the pod owners (indexes into `podOwnersByNamespace`) whose pods carry
  /// a label `key=value`, so selector joins look only at candidates.
  let podOwnersByLabel: [String: [LabelKey: [Int]]]

  struct LabelKey: Hashable {
    var key: String
    var value: String
  }

  init(_ resources: [Resource]) {
    var byKind: [String: [Int]] = [:]
    var byKindAndNamespace: [Key: [Int]] = [:]
    var owners: [String: [PodOwner]] = [:]
    var clusterScoped: [PodOwner] = []
    var byName: [NameKey: Int] = [:]
    var autoscalers: [NameKey: Int] = [:]
    for (position, resource) in resources.enumerated() {
      let kind = resource.identity.kind
      if let name = resource.identity.name {
        let key = NameKey(kind: kind, namespace: resource.identity.namespace, name: name)
        if byName[key] == nil { byName[key] = position }
      }
      if kind == "HorizontalPodAutoscaler", let target = resource.node["spec"]?["scaleTargetRef"],
        let targetKind = target["kind"]?.scalarText, let targetName = target["name"]?.scalarText
      {
        let key = NameKey(kind: targetKind, namespace: resource.identity.namespace, name: targetName)
        if autoscalers[key] == nil { autoscalers[key] = position }
      }
      byKind[kind, default: []].append(position)
      byKindAndNamespace[Key(kind: kind, namespace: resource.identity.namespace), default: []]
        .append(position)
      guard PodOwners.kinds.contains(kind) else { continue }
      let owner = PodOwner(position: position, labels: PodOwners.podLabels(of: resource))
      if let namespace = resource.identity.namespace {
        owners[namespace, default: []].append(owner)
      } else {
        clusterScoped.append(owner)
      }
    }
    self.byKind = byKind
    self.byName = byName
    self.autoscalersByTarget = autoscalers
    self.byKindAndNamespace = byKindAndNamespace
    self.podOwnersByNamespace = owners
    self.clusterScopedPodOwners = clusterScoped
    var byLabel: [String: [LabelKey: [Int]]] = [:]
    for (namespace, list) in owners {
      var postings: [LabelKey: [Int]] = [:]
      for (position, owner) in list.enumerated() {
        for (key, value) in owner.labels {
          postings[LabelKey(key: key, value: value), default: []].append(position)
        }
      }
      byLabel[namespace] = postings
    }
    self.podOwnersByLabel = byLabel
  }

  func podOwners(namespace: String?) -> [PodOwner] {
    namespace.map { podOwnersByNamespace[$0] ?? [] } ?? clusterScopedPodOwners
  }

  /// The pod owners of a namespace whose pods carry every label in `required` (all of them
  /// when `required` is empty), in input order.
  func podOwners(namespace: String?, carrying required: [String: String]) -> [PodOwner] {
    let all = podOwners(namespace: namespace)
    guard let namespace, !required.isEmpty, let postings = podOwnersByLabel[namespace] else {
      return all
    }
    var narrowest: [Int]?
    for (key, value) in required {
      let list = postings[LabelKey(key: key, value: value)] ?? []
      if list.count < (narrowest?.count ?? Int.max) { narrowest = list }
    }
    return (narrowest ?? []).map { all[$0] }
  }
}
