import BosunCore
import BosunModel
import BosunYAML

// Writing desired objects into the cluster (plan steps, and the recording at the start).
extension Simulation {
  /// The Kubernetes resource name of a kind, for store keys.
  static func resource(of kind: String) -> String {
    let lower = kind.lowercased()
    if lower.hasSuffix("s") { return lower + "es" }
    if lower.hasSuffix("y") { return String(lower.dropLast()) + "ies" }
    return lower + "s"
  }

  static func storeKey(_ identity: ObjectIdentity, defaultNamespace: String = "default")
    -> ObjectStore.Key
  {
    ObjectStore.Key(
      group: identity.group, resource: resource(of: identity.kind),
      namespace: identity.namespace ?? "", name: identity.name ?? "")
  }

  func blueprint(_ template: PodTemplateSpec, node: Node?) -> PodBlueprint {
    let source = node.map { $0.toValue().jsonText() } ?? ""
    return PodBlueprint(template: template, hashSource: source, knobs: options.knobs)
  }

  /// Creates or updates an object from its manifest. `templateChanged` says whether the pod
  /// template differs from the running one (from the plan's changed fields); nil compares the
  /// templates' text.
  func apply(
    manifest: Node, identity: ObjectIdentity, templateChanged: Bool? = nil
  ) {
    let (view, _) = ObjectView.decode(root: manifest)
    let namespace = identity.namespace ?? "default"
    let name = identity.name ?? ""
    let key = WorkloadKey(kind: identity.kind, namespace: namespace, name: name)
    let templateNode = manifest.node(at: JSONPointer.root.appending("spec").appending("template"))
    store.write(Self.storeKey(identity), kind: identity.kind, at: now)
    switch view {
    case .deployment(let deployment):
      applyDeployment(deployment, key: key, template: templateNode, changed: templateChanged)
    case .statefulSet(let set):
      applyStatefulSet(set, key: key, template: templateNode, changed: templateChanged)
    case .daemonSet(let set):
      applyDaemonSet(set, key: key, template: templateNode, changed: templateChanged)
    case .job(let job):
      guard jobs[key] == nil else { return }
      jobs[key] = JobState(
        key: key, summary: JobSummary(job, startTime: now),
        blueprint: blueprint(job.spec.template, node: templateNode), startedAt: now)
      recorder.watch(key)
      markDirty(.job(key))
    case .pod(let pod):
      let template = PodTemplateSpec(metadata: pod.metadata, spec: pod.spec, pointer: .root)
      let print = blueprint(template, node: manifest["spec"])
      if let existing = standalonePods[key], var live = pods[existing] {
        // Only images and a few fields may change in place: the containers restart.
        live.blueprint = print
        live.ready = false
        pods[existing] = live
        if live.nodeIndex != nil { startAttempt(existing) }
      } else {
        standalonePods[key] = createPod(
          namespace: namespace, name: name, owner: .standalone(key), blueprint: print,
          revision: print.templateHash)
      }
    case .podDisruptionBudget(let budget):
      disruptionBudgets[key] = budget
    case .horizontalPodAutoscaler(let autoscaler):
      if let target = autoscaler.scaleTargetRef.kind, let targetName = autoscaler.scaleTargetRef.name {
        autoscaled.insert(WorkloadKey(kind: target, namespace: namespace, name: targetName))
      }
    default:
      break
    }
  }

  private func applyDeployment(
    _ deployment: Deployment, key: WorkloadKey, template: Node?, changed: Bool?
  ) {
    var summary = DeploymentSummary(deployment)
    let print = blueprint(deployment.template, node: template)
    recorder.watch(key)
    guard var state = deployments[key], !state.deleted else {
      deployments[key] = DeploymentState(
        key: key, summary: summary, blueprint: print, selector: deployment.selector,
        rolloutStartedAt: now)
      markDirty(.deployment(key))
      return
    }
    // An autoscaled workload keeps the replicas the autoscaler set (kubectl apply leaves the
    // field alone when the manifest omits it, and an HPA moves it back anyway).
    if autoscaled.contains(key) || deployment.replicas == nil {
      summary.replicas = state.summary.replicas
    }
    let templateChanged = changed ?? (print.templateHash != state.blueprint.templateHash)
    if templateChanged {
      state.fromRevision = currentRevision(of: state)
      state.blueprint = print
    }
    if templateChanged || summary.replicas != state.summary.replicas {
      state.rolloutStartedAt = now
      state.completedAt = nil
      state.rolloutCompletedAt = nil
      state.deadlineExceededAt = nil
    }
    state.summary = summary
    state.selector = deployment.selector
    deployments[key] = state
    markDirty(.deployment(key))
  }

  /// The revision of the ReplicaSet that runs the Deployment's current template.
  func currentRevision(of state: DeploymentState) -> Int? {
    state.replicaSetIDs.map { replicaSets[$0] }
      .first { !$0.deleted && $0.blueprint.templateHash == state.blueprint.templateHash }?
      .revision
  }

  /// The update revision after a manifest is applied: unchanged, or (when the template
  /// changed) a new ControllerRevision with the next number, the old one kept to roll back to
  /// (mirrors controller_history.go).
  private static func adopt(
    _ revision: String, _ print: PodBlueprint, changed: Bool?, current: String,
    blueprints: inout [String: PodBlueprint], numbers: inout [String: Int], from: inout String?
  ) -> String {
    guard changed ?? (revision != current) else { return current }
    from = current
    blueprints[revision] = print
    numbers[revision] = (numbers.values.max() ?? 0) + 1
    return revision
  }

  private func applyStatefulSet(
    _ set: StatefulSet, key: WorkloadKey, template: Node?, changed: Bool?
  ) {
    let print = blueprint(set.template, node: template)
    let revision = "\(key.name)-\(print.templateHash)"
    recorder.watch(key)
    guard var state = statefulSets[key], !state.deleted else {
      statefulSets[key] = StatefulSetState(
        key: key,
        summary: StatefulSetSummary(set, currentRevision: revision, updateRevision: revision),
        blueprints: [revision: print], revisionNumbers: [revision: 1], rolloutStartedAt: now)
      markDirty(.statefulSet(key))
      return
    }
    let update = Self.adopt(
      revision, print, changed: changed, current: state.summary.updateRevision,
      blueprints: &state.blueprints, numbers: &state.revisionNumbers, from: &state.fromRevision)
    var summary = StatefulSetSummary(
      set, currentRevision: state.summary.currentRevision, updateRevision: update)
    if autoscaled.contains(key) || set.replicas == nil {
      summary.replicas = state.summary.replicas
    }
    state.summary = summary
    state.rolloutStartedAt = now
    state.completedAt = nil
    state.rolloutCompletedAt = nil
    statefulSets[key] = state
    markDirty(.statefulSet(key))
  }

  private func applyDaemonSet(
    _ set: DaemonSet, key: WorkloadKey, template: Node?, changed: Bool?
  ) {
    let print = blueprint(set.template, node: template)
    let revision = "\(key.name)-\(print.templateHash)"
    recorder.watch(key)
    guard var state = daemonSets[key], !state.deleted else {
      daemonSets[key] = DaemonSetState(
        key: key, summary: DaemonSetSummary(set, updateRevision: revision),
        blueprints: [revision: print], revisionNumbers: [revision: 1], rolloutStartedAt: now)
      markDirty(.daemonSet(key))
      return
    }
    let update = Self.adopt(
      revision, print, changed: changed, current: state.summary.updateRevision,
      blueprints: &state.blueprints, numbers: &state.revisionNumbers, from: &state.fromRevision)
    state.summary = DaemonSetSummary(set, updateRevision: update)
    state.rolloutStartedAt = now
    state.completedAt = nil
    state.rolloutCompletedAt = nil
    daemonSets[key] = state
    markDirty(.daemonSet(key))
  }

  /// Deletes an object; workloads take their pods with them (background cascading deletion),
  /// and a Namespace takes everything in it.
  func delete(identity: ObjectIdentity) {
    let namespace = identity.namespace ?? "default"
    let key = WorkloadKey(kind: identity.kind, namespace: namespace, name: identity.name ?? "")
    store.delete(Self.storeKey(identity))
    switch identity.kind {
    case "Deployment":
      deployments[key]?.deleted = true
      markDirty(.deployment(key))
    case "StatefulSet":
      statefulSets[key]?.deleted = true
      markDirty(.statefulSet(key))
    case "DaemonSet":
      daemonSets[key]?.deleted = true
      markDirty(.daemonSet(key))
    case "Job":
      jobs[key]?.deleted = true
      markDirty(.job(key))
    case "Pod":
      if let id = standalonePods.removeValue(forKey: key) { deletePod(id) }
    case "PodDisruptionBudget":
      disruptionBudgets[key] = nil
    case "HorizontalPodAutoscaler":
      break
    case "Namespace":
      deleteNamespace(identity.name ?? "")
    default:
      break
    }
  }

  private func deleteNamespace(_ namespace: String) {
    for key in deployments.keys.sorted() where key.namespace == namespace {
      delete(identity: identity(of: key, group: "apps"))
    }
    for key in statefulSets.keys.sorted() where key.namespace == namespace {
      delete(identity: identity(of: key, group: "apps"))
    }
    for key in daemonSets.keys.sorted() where key.namespace == namespace {
      delete(identity: identity(of: key, group: "apps"))
    }
    for key in jobs.keys.sorted() where key.namespace == namespace {
      delete(identity: identity(of: key, group: "batch"))
    }
    for key in standalonePods.keys.sorted() where key.namespace == namespace {
      delete(identity: identity(of: key, group: ""))
    }
    for storeKey in store.entries.keys.sorted() where storeKey.namespace == namespace {
      store.delete(storeKey)
    }
  }

  private func identity(of key: WorkloadKey, group: String) -> ObjectIdentity {
    ObjectIdentity(
      group: group, version: "v1", kind: key.kind, namespace: key.namespace, name: key.name)
  }

  /// Whether anything of a namespace still runs (a Namespace deletion waits for it).
  func namespaceIsEmpty(_ namespace: String) -> Bool {
    !pods.contains { $0?.namespace == namespace }
  }
}
