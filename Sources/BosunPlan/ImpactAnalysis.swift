import BosunCore
import BosunModel

/// Works out the impacts of every classified object; needs the whole set, because a ConfigMap
/// change matters through the workloads that read it.
struct ImpactAnalysis {
  /// Workloads of the desired set, by namespace, with the references of their pod templates.
  private var consumers:
    [String: [(identity: ObjectIdentity, references: [PodTemplateReference])]] = [:]
  /// Objects whose pods restart in this plan, by key.
  private var restarting: Set<ObjectKey> = []

  init(_ plans: [ObjectPlan]) {
    // Consumers matter only in the namespaces of ConfigMaps and Secrets that are updated or
    // replaced; reading the pod templates of every other workload would find nothing to say.
    // Plans are read by position: copying each decision would copy its manifests.
    var namespaces = Set<String>()
    for index in plans.indices {
      let kind = plans[index].identity.kind
      let action = plans[index].action
      if (kind == "ConfigMap" || kind == "Secret") && (action == .update || action == .replace) {
        namespaces.insert(plans[index].identity.namespace ?? "")
      }
    }
    guard !namespaces.isEmpty else { return }
    for index in plans.indices where namespaces.contains(plans[index].identity.namespace ?? "") {
      let plan = plans[index]
      guard let template = PodTemplateReference.templatePointer(kind: plan.identity.kind),
        let spec = plan.desired?.node.value(at: template.appending("spec"))
      else { continue }
      consumers[plan.identity.namespace ?? "", default: []].append(
        (plan.identity, PodTemplateReference.of(podSpec: spec)))
      let restartScope = plan.identity.kind == "Pod" ? Self.specPointer : template
      if Self.restartsPods(plan, template: restartScope), let key = ObjectKey(plan.identity) {
        restarting.insert(key)
      }
    }
  }

  // Parsed once: they are compared with the changed fields of every updated object.
  private static let specPointer: JSONPointer = "/spec"
  private static let replicas: JSONPointer = "/spec/replicas"
  private static let metadata: JSONPointer = "/metadata"
  private static let dataFields: [JSONPointer] = ["/data", "/binaryData", "/stringData"]

  /// `spec.updateStrategy.type` of the desired object.
  private static func updateStrategy(_ plan: ObjectPlan) -> String? {
    plan.desiredValue?["spec"]?["updateStrategy"]?["type"]?.stringValue
  }

  /// Whether this plan replaces the object's pods, so they read fresh configuration.
  private static func restartsPods(_ plan: ObjectPlan, template: JSONPointer) -> Bool {
    switch plan.action {
    case .create, .replace: return true
    case .delete, .unchanged: return false
    case .update:
      guard ["Deployment", "StatefulSet", "DaemonSet", "Pod"].contains(plan.identity.kind),
        updateStrategy(plan) != "OnDelete"
      else { return false }
      return plan.changedPointers.contains { $0.isWithin(template) || template.isWithin($0) }
    }
  }

  /// The impacts of `plan`, given the field changes behind it.
  func impacts(of plan: ObjectPlan, changes: [FieldChange]) -> [Impact] {
    switch plan.action {
    case .create, .unchanged: return []
    case .update: return updateImpacts(plan, changes)
    case .replace: return replaceImpacts(plan)
    case .delete: return deleteImpacts(plan)
    }
  }

  private func updateImpacts(_ plan: ObjectPlan, _ changes: [FieldChange]) -> [Impact] {
    let kind = plan.identity.kind
    var impacts: [Impact] = []
    if let found = PodTemplateReference.templatePointer(kind: kind) {
      // A bare Pod's metadata is not part of what restarts its containers.
      let template = kind == "Pod" ? Self.specPointer : found
      let templateChanges = changes.filter {
        $0.pointer.isWithin(template)
          || (template.tokens.count > $0.pointer.tokens.count && template.isWithin($0.pointer)
            && $0.before?.value(at: template.relative(to: $0.pointer))
              != $0.after?.value(at: template.relative(to: $0.pointer)))
      }
      if !templateChanges.isEmpty {
        impacts += templateImpacts(plan, template: template, changes: templateChanges)
      }
    }
    let pointers = plan.changedPointers
    if impacts.isEmpty, !pointers.isEmpty {
      if pointers.allSatisfy({ $0 == Self.replicas }) {
        impacts.append(
          Impact(
            .scaleOnly, "only the replica count changes: pods are added or removed, none replaced",
            pointers: pointers))
      } else if pointers.allSatisfy({ $0.isWithin(Self.metadata) }) {
        impacts.append(
          Impact(
            .metadataOnly, "only labels or annotations change; no pod is touched",
            pointers: pointers))
      }
    }
    if kind == "ConfigMap" || kind == "Secret", plan.identity.group.isEmpty {
      let data = pointers.filter { pointer in Self.dataFields.contains { pointer.isWithin($0) } }
      if !data.isEmpty, let stale = staleConsumers(of: plan, pointers: data) {
        impacts.append(stale)
      }
    }
    return impacts
  }

  private func templateImpacts(_ plan: ObjectPlan, template: JSONPointer, changes: [FieldChange])
    -> [Impact]
  {
    let pointers = changes.map(\.pointer).sorted()
    let fields = pointers.map { $0.isWithin(template) ? $0.relative(to: template) : $0 }
    var detail = "pod template changes (\(list(fields)))"
    let references = referenceChanges(plan, template: template)
    if !references.isEmpty { detail += "; " + references }
    let kind = plan.identity.kind
    let strategy = Self.updateStrategy(plan)
    switch kind {
    case "ReplicaSet", "ReplicationController":
      return [
        Impact(
          .podsNotRestarted,
          "\(detail), but a \(kind) never replaces running pods; only new pods use it",
          pointers: pointers)
      ]
    case "StatefulSet" where strategy == "OnDelete", "DaemonSet" where strategy == "OnDelete":
      return [
        Impact(
          .podsNotRestarted,
          "\(detail), but updateStrategy OnDelete replaces a pod only when someone deletes it",
          pointers: pointers)
      ]
    case "CronJob":
      return [
        Impact(
          .podsNotRestarted,
          "\(detail); running Jobs keep the old template, the next ones use the new",
          pointers: pointers)
      ]
    default:
      var impacts = [Impact(.rollsPods, detail + ": every pod is replaced", pointers: pointers)]
      if kind == "Deployment",
        plan.desiredValue?["spec"]?["strategy"]?["type"]?.stringValue == "Recreate"
      {
        impacts.append(
          Impact(
            .downtime, "strategy Recreate stops every old pod before the first new one starts",
            pointers: pointers))
      }
      return impacts
    }
  }

  /// `configMap app-1 → app-2` style notes when the template now reads other objects.
  private func referenceChanges(_ plan: ObjectPlan, template: JSONPointer) -> String {
    let spec = template.appending("spec")
    guard let old = plan.liveValue?.value(at: spec),
      let new = plan.desiredValue?.value(at: spec)
    else { return "" }
    let before = Set(PodTemplateReference.of(podSpec: old).map { "\($0.kind) \($0.name)" })
    let after = Set(PodTemplateReference.of(podSpec: new).map { "\($0.kind) \($0.name)" })
    let removed = before.subtracting(after).sorted()
    let added = after.subtracting(before).sorted()
    guard !removed.isEmpty || !added.isEmpty else { return "" }
    var parts: [String] = []
    if !removed.isEmpty { parts.append("no longer reads " + removed.joined(separator: ", ")) }
    if !added.isEmpty { parts.append("now reads " + added.joined(separator: ", ")) }
    return parts.joined(separator: "; ")
  }

  /// Workloads reading this ConfigMap or Secret whose pods this plan does not restart.
  private func staleConsumers(of plan: ObjectPlan, pointers: [JSONPointer]) -> Impact? {
    let readers = (consumers[plan.identity.namespace ?? ""] ?? []).compactMap {
      consumer -> (ObjectIdentity, [String])? in
      let ways = consumer.references.filter {
        $0.kind == plan.identity.kind && $0.name == plan.identity.name
      }.map(\.via)
      // A CronJob's next Job starts fresh pods, which read the new data.
      guard !ways.isEmpty, consumer.identity.kind != "CronJob",
        let key = ObjectKey(consumer.identity), !restarting.contains(key)
      else {
        return nil
      }
      return (consumer.identity, ways)
    }.sorted { $0.0.description < $1.0.description }
    guard !readers.isEmpty else { return nil }
    let names = readers.map { "\($0.0) (\($0.1.joined(separator: ", ")))" }.joined(separator: ", ")
    return Impact(
      .podsNotRestarted,
      "\(plan.identity.kind) data changes but these pods keep running without a restart: \(names); environment variables keep their old values until the pods restart, mounted files follow after a delay (never with subPath)",
      pointers: pointers, objects: readers.map(\.0))
  }

  private static let podOwners: Set<String> = [
    "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
    "CronJob", "Pod", "Service",
  ]

  private func replaceImpacts(_ plan: ObjectPlan) -> [Impact] {
    var impacts = dataImpacts(plan, verb: "replaced")
    if Self.podOwners.contains(plan.identity.kind) {
      impacts.append(
        Impact(
          .downtime,
          plan.identity.kind == "Service"
            ? "the Service is deleted and created again: connections fail in between and it may get a new cluster IP"
            : "the \(plan.identity.kind) and its pods are deleted before the new one starts",
          pointers: plan.violations.map(\.pointer)))
    }
    if plan.identity.kind == "ConfigMap" || plan.identity.kind == "Secret",
      let stale = staleConsumers(of: plan, pointers: plan.violations.map(\.pointer))
    {
      impacts.append(stale)
    }
    return impacts
  }

  private func deleteImpacts(_ plan: ObjectPlan) -> [Impact] {
    dataImpacts(plan, verb: "deleted")
  }

  private func dataImpacts(_ plan: ObjectPlan, verb: String) -> [Impact] {
    switch plan.identity.kind {
    case "PersistentVolumeClaim":
      return [
        Impact(
          .dataAtRisk,
          "the claim is \(verb); with reclaimPolicy Delete (the default for dynamic volumes) its volume and data go with it"
        )
      ]
    case "Namespace" where verb == "deleted":
      return [Impact(.dataAtRisk, "deleting a Namespace deletes every object in it, PVCs included")]
    case "StatefulSet":
      let live = plan.liveValue
      guard let templates = live?.value(at: "/spec/volumeClaimTemplates")?.items, !templates.isEmpty
      else { return [] }
      let deletes =
        live?.value(at: "/spec/persistentVolumeClaimRetentionPolicy/whenDeleted")?.stringValue
        == "Delete"
      return [
        Impact(
          .dataAtRisk,
          deletes
            ? "the StatefulSet is \(verb) and its retention policy whenDeleted: Delete removes its PVCs and their data"
            : "the StatefulSet is \(verb); its PVCs are kept (whenDeleted: Retain) but new claim templates never apply to existing PVCs",
          pointers: ["/spec/volumeClaimTemplates"])
      ]
    default:
      return []
    }
  }
}
