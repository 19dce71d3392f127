import BosunCore
public import BosunModel
import BosunYAML

// Building the cluster from a recording: nodes, workloads, their ReplicaSets and pods.
extension Simulation {
  /// Seeds the cluster from recorded objects (`kubectl get ... -o yaml`). Recorded pods keep
  /// their nodes; workloads recorded without pods are assumed settled: their pods are placed
  /// by the scheduler and start out Ready. Returns false when there is nothing to simulate on
  /// (no nodes).
  @discardableResult
  public func seed(_ resources: [Resource]) -> Bool {
    let sorted = resources.map { ($0.identity.description, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    var views: [(Resource, ObjectView)] = []
    for resource in sorted {
      let (view, _) = ObjectView.decode(root: resource.node)
      views.append((resource, view))
    }
    let owned = OwnedObjects(views)
    var seen: Set<String> = []
    for case (let resource, .node(let node)) in views {
      let simNode = SimNode(node)
      guard seen.insert(simNode.name).inserted else {
        diagnostics.append(
          resource.diagnostic(
            .warning, code: "simulate.duplicate-node",
            message: "node \(simNode.name) is recorded twice; the first copy is used", at: .root))
        continue
      }
      addNode(simNode)
    }
    nodes.sort { $0.node.name < $1.node.name }
    nodeIndexByName = Dictionary(
      uniqueKeysWithValues: nodes.enumerated().map { ($0.element.node.name, $0.offset) })
    guard !nodes.isEmpty else {
      diagnostics.append(
        Diagnostic(
          .error, code: "simulate.no-nodes",
          message: "the snapshot records no Node; add `kubectl get nodes -o yaml` to it "
            + "(bosun snapshot merge) so pods have somewhere to run"))
      return false
    }
    // Autoscalers first: they decide whose replicas stay as recorded.
    for case (let resource, .horizontalPodAutoscaler(_)) in views {
      apply(manifest: resource.node, identity: resource.identity)
    }
    var assumed: [String] = []
    for (resource, view) in views {
      switch view {
      case .deployment(let deployment):
        seedDeployment(deployment, resource, owned, assumed: &assumed)
      case .statefulSet, .daemonSet, .job, .podDisruptionBudget:
        if case .job(let job) = view, isFinished(resource.node) {
          seedFinishedJob(job, resource)
          continue
        }
        apply(manifest: resource.node, identity: resource.identity)
        if case .job = view { seedJobProgress(resource) }
      case .pod(let pod) where pod.metadata.ownerReferences.isEmpty:
        apply(manifest: resource.node, identity: resource.identity)
      case .node, .horizontalPodAutoscaler, .replicaSet, .pod:
        continue
      default:
        store.write(Self.storeKey(resource.identity), kind: resource.identity.kind, at: now)
      }
    }
    // Recorded pods of StatefulSets, DaemonSets and Jobs, bound where they ran.
    for case (let resource, .pod(let pod)) in views {
      guard let owner = pod.metadata.ownerReferences.first(where: { $0.controller == true })
        ?? pod.metadata.ownerReferences.first, let ownerName = owner.name
      else { continue }
      let namespace = resource.identity.namespace ?? "default"
      let key = WorkloadKey(kind: owner.kind ?? "", namespace: namespace, name: ownerName)
      seedRecordedPod(pod, resource, owner: key)
    }
    // Whatever the recording did not hold is made by the controllers now, and assumed running.
    for key in statefulSets.keys.sorted() where podIDs(of: .statefulSet(key)).isEmpty {
      assumed.append("StatefulSet/\(key.namespace)/\(key.name)")
    }
    for key in daemonSets.keys.sorted() where podIDs(of: .daemonSet(key)).isEmpty {
      assumed.append("DaemonSet/\(key.namespace)/\(key.name)")
    }
    settleAssumed()
    if !assumed.isEmpty {
      diagnostics.append(
        Diagnostic(
          .info, code: "simulate.pods-assumed",
          message: "the snapshot records no pods for \(assumed.count) workload"
            + "\(assumed.count == 1 ? "" : "s") (\(assumed.prefix(5).joined(separator: ", "))"
            + "\(assumed.count > 5 ? ", ..." : "")); they are assumed to run as specified, "
            + "placed by the scheduler; record pods too for an exact starting point"))
    }
    recorder.watched.removeAll()
    return true
  }

  private func isFinished(_ node: Node) -> Bool {
    (node["status"]?["conditions"]?.items ?? []).contains {
      ["Complete", "Failed"].contains($0["type"]?.scalarText ?? "")
        && $0["status"]?.scalarText == "True"
    }
  }

  /// A running Job's recorded progress: `status.succeeded` and `status.failed`.
  private func seedJobProgress(_ resource: Resource) {
    let key = WorkloadKey(
      kind: "Job", namespace: resource.identity.namespace ?? "default",
      name: resource.identity.name ?? "")
    let status = resource.node["status"]
    if case .int(let succeeded)? = status?["succeeded"]?.resolved {
      jobs[key]?.succeeded = Int(succeeded)
    }
    if case .int(let failed)? = status?["failed"]?.resolved { jobs[key]?.failed = Int(failed) }
    jobs[key]?.startedAt = 0
    jobs[key]?.summary.startTime = 0
  }

  private func seedFinishedJob(_ job: Job, _ resource: Resource) {
    let key = WorkloadKey(
      kind: "Job", namespace: resource.identity.namespace ?? "default",
      name: resource.identity.name ?? "")
    let template = resource.node.node(at: JSONPointer.root.appending("spec").appending("template"))
    var state = JobState(
      key: key, summary: JobSummary(job, startTime: 0),
      blueprint: blueprint(job.spec.template, node: template))
    state.outcome = .complete
    state.finishedAt = 0
    jobs[key] = state
  }

  private func seedDeployment(
    _ deployment: Deployment, _ resource: Resource, _ index: OwnedObjects,
    assumed: inout [String]
  ) {
    let namespace = resource.identity.namespace ?? "default"
    let key = WorkloadKey(kind: "Deployment", namespace: namespace, name: resource.identity.name ?? "")
    store.write(Self.storeKey(resource.identity), kind: "Deployment", at: now)
    let summary = DeploymentSummary(deployment)
    // The recorded ReplicaSets of this Deployment, with their revisions.
    let owned = index.replicaSets[OwnedObjects.key(namespace, "Deployment", key.name)] ?? []
    let template = resource.node.node(at: JSONPointer.root.appending("spec").appending("template"))
    var state = DeploymentState(
      key: key, summary: summary, blueprint: blueprint(deployment.template, node: template),
      selector: deployment.selector)
    deployments[key] = state
    var newest: (id: Int, revision: Int)?
    for (rsResource, rs) in owned {
      let hash =
        rs.metadata.labels["pod-template-hash"] ?? rs.template.metadata.labels["pod-template-hash"]
      let rsTemplate = rsResource.node.node(
        at: JSONPointer.root.appending("spec").appending("template"))
      var print = blueprint(rs.template, node: rsTemplate)
      if let hash {
        print = PodBlueprint(
          template: rs.template, templateHash: hash, knobs: options.knobs)
      }
      let revision = Int(rs.metadata.annotations["deployment.kubernetes.io/revision"] ?? "") ?? 0
      let id = addReplicaSet(
        deployment: key, namespace: namespace, name: rsResource.identity.name ?? "",
        blueprint: print, revision: revision, replicas: rs.replicas ?? 1,
        minReadySeconds: summary.minReadySeconds, createdAt: Double(revision) - 1e6)
      replicaSets[id].desiredReplicas = Int(
        rs.metadata.annotations["deployment.kubernetes.io/desired-replicas"] ?? "")
      replicaSets[id].maxReplicas = Int(
        rs.metadata.annotations["deployment.kubernetes.io/max-replicas"] ?? "")
      if revision >= (newest?.revision ?? -1) { newest = (id, revision) }
      let rsName = rsResource.identity.name ?? ""
      for (podResource, pod) in index.pods[OwnedObjects.key(namespace, "ReplicaSet", rsName)] ?? []
      {
        seedPod(pod, podResource, owner: .replicaSet(id), blueprint: print, revision: print.templateHash)
      }
    }
    state = deployments[key] ?? state
    if let newest {
      // A settled Deployment runs the template of its newest ReplicaSet.
      state.blueprint = replicaSets[newest.id].blueprint
    } else {
      let revision = Int(resource.annotations["deployment.kubernetes.io/revision"] ?? "") ?? 1
      let id = addReplicaSet(
        deployment: key, namespace: namespace,
        name: "\(key.name)-\(state.blueprint.templateHash)", blueprint: state.blueprint,
        revision: revision, replicas: summary.replicas, minReadySeconds: summary.minReadySeconds)
      replicaSets[id].desiredReplicas = summary.replicas
      assumed.append("Deployment/\(namespace)/\(key.name)")
    }
    state.replicaSetIDs = deployments[key]?.replicaSetIDs ?? []
    state.completedAt = 0
    state.rolloutCompletedAt = 0
    deployments[key] = state
  }

  private func seedRecordedPod(_ pod: Pod, _ resource: Resource, owner: WorkloadKey) {
    switch owner.kind {
    case "StatefulSet":
      guard let state = statefulSets[owner] else { return }
      let revision = pod.metadata.labels["controller-revision-hash"] ?? state.summary.currentRevision
      let print = state.blueprints[revision] ?? state.blueprints[state.summary.updateRevision]
      guard let print else { return }
      let ordinal = Int((resource.identity.name ?? "").split(separator: "-").last ?? "")
      seedPod(
        pod, resource, owner: .statefulSet(owner), blueprint: print,
        revision: state.blueprints[revision] == nil ? state.summary.updateRevision : revision,
        ordinal: ordinal)
    case "DaemonSet":
      guard let state = daemonSets[owner], let print = state.blueprints[state.summary.updateRevision]
      else { return }
      seedPod(
        pod, resource, owner: .daemonSet(owner), blueprint: print,
        revision: state.summary.updateRevision,
        pinned: pod.spec.nodeName.flatMap { nodeIndexByName[$0] })
    case "Job":
      guard let state = jobs[owner], state.outcome == nil else { return }
      seedPod(
        pod, resource, owner: .job(owner), blueprint: state.blueprint,
        revision: state.blueprint.templateHash)
    default:
      return
    }
  }

  /// A recorded pod, bound to its recorded node, Ready if it was.
  private func seedPod(
    _ pod: Pod, _ resource: Resource, owner: SimPod.Owner, blueprint: PodBlueprint,
    revision: String, ordinal: Int? = nil, pinned: Int? = nil
  ) {
    let phase = resource.node["status"]?["phase"]?.scalarText ?? "Running"
    guard phase != "Succeeded", phase != "Failed" else { return }
    let id = createPod(
      namespace: resource.identity.namespace ?? "default", name: resource.identity.name ?? "",
      owner: owner, blueprint: blueprint, revision: revision, ordinal: ordinal, pinnedNode: pinned)
    activeQueue.removeAll { $0 == id }
    pods[id]?.labels = pod.metadata.labels
    pods[id]?.createdAt = -3600
    let ready = (resource.node["status"]?["conditions"]?.items ?? []).contains {
      $0["type"]?.scalarText == "Ready" && $0["status"]?.scalarText == "True"
    }
    guard let nodeName = pod.spec.nodeName, let node = nodeIndexByName[nodeName] else {
      activeQueue.append(id)
      return
    }
    bindRunning(id, to: node, ready: ready)
  }

  /// Binds a pod as already running (a recorded or assumed starting state).
  func bindRunning(_ id: Int, to node: Int, ready: Bool) {
    guard var pod = pods[id] else { return }
    pod.nodeIndex = node
    pod.phase = .running
    pod.started = true
    pod.ready = ready
    pod.readySince = ready ? -3600 : nil
    pods[id] = pod
    nodes[node].add(
      ResidentPod(
        id: id, namespace: pod.namespace, labels: pod.labels, requests: pod.blueprint.requests,
        constraints: pod.blueprint.constraints, terminating: false))
  }

  /// Lets the controllers create the pods the recording lacks, places them, and marks them
  /// running and Ready, so that the plan starts from a settled cluster.
  private func settleAssumed() {
    for key in deployments.keys.sorted() { markDirty(.deployment(key)) }
    for key in statefulSets.keys.sorted() { markDirty(.statefulSet(key)) }
    for key in daemonSets.keys.sorted() { markDirty(.daemonSet(key)) }
    for _ in 0..<100_000 {
      while !dirty.isEmpty {
        let keys = dirty.sorted()
        dirty.removeAll()
        for key in keys { syncSeeded(key) }
      }
      // Place what the controllers made, as running and Ready.
      let queued = activeQueue
      activeQueue.removeAll()
      guard !queued.isEmpty else { break }
      for id in queued {
        guard let pod = pods[id] else { continue }
        let result = scheduler.schedule(schedulingRequest(for: pod), nodes: nodes)
        if let index = result.nodeIndex {
          bindRunning(id, to: index, ready: true)
          notifyOwner(of: pods[id]!)
        } else {
          activeQueue.append(id)
        }
      }
      if activeQueue.count == queued.count { break }
    }
    for key in deployments.keys {
      guard var state = deployments[key] else { continue }
      state.completedAt = 0
      state.rolloutCompletedAt = 0
      state.status = DeploymentStatusSummary(
        replicaSets: state.replicaSetIDs.map {
          replicaSetSummary(replicaSets[$0], current: state.blueprint)
        }, newReplicaSetID: nil)
      deployments[key] = state
    }
  }

  private func syncSeeded(_ key: ControllerKey) {
    switch key {
    case .replicaSet(let id): syncReplicaSet(id)
    case .statefulSet(let workload): syncStatefulSet(workload)
    case .daemonSet(let workload): syncDaemonSet(workload)
    case .deployment, .job: break
    }
  }
}

/// Recorded ReplicaSets and Pods by their owner, so that seeding reads each object once.
struct OwnedObjects {
  var replicaSets: [String: [(Resource, ReplicaSet)]] = [:]
  var pods: [String: [(Resource, Pod)]] = [:]

  static func key(_ namespace: String, _ kind: String, _ name: String) -> String {
    "\(namespace)/\(kind)/\(name)"
  }

  init(_ views: [(Resource, ObjectView)]) {
    for (resource, view) in views {
      let namespace = resource.identity.namespace ?? "default"
      switch view {
      case .replicaSet(let rs):
        for owner in rs.metadata.ownerReferences where owner.kind == "Deployment" {
          replicaSets[Self.key(namespace, "Deployment", owner.name ?? ""), default: []].append(
            (resource, rs))
        }
      case .pod(let pod):
        for owner in pod.metadata.ownerReferences where owner.kind == "ReplicaSet" {
          pods[Self.key(namespace, "ReplicaSet", owner.name ?? ""), default: []].append(
            (resource, pod))
        }
      default:
        continue
      }
    }
  }
}
