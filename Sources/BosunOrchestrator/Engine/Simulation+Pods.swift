import BosunModel

// Pods: creation, scheduling, the kubelet's transitions, graceful termination.
extension Simulation {
  /// Creates a pod and queues it for the scheduler (or binds it where `nodeName` says).
  @discardableResult
  func createPod(
    namespace: String, name: String, owner: SimPod.Owner?, blueprint: PodBlueprint,
    revision: String, ordinal: Int? = nil, pinnedNode: Int? = nil,
    labels extraLabels: [String: String] = [:]
  ) -> Int {
    let id = pods.count
    var labels = blueprint.labels
    for (key, value) in extraLabels { labels[key] = value }
    pods.append(
      SimPod(
        id: id, namespace: namespace, name: name, labels: labels, owner: owner,
        blueprint: blueprint, revision: revision, ordinal: ordinal, pinnedNode: pinnedNode,
        createdAt: now))
    if let owner { podsByOwner[owner, default: []].append(id) }
    store.write(podKey(namespace: namespace, name: name), kind: "Pod", at: now)
    activeQueue.append(id)
    return id
  }

  /// `base-xxxxx` with a five-character suffix, as generateName makes; a name already taken
  /// draws again, as the API server's retry does.
  func uniquePodName(namespace: String, base: String, next: () -> Int) -> String {
    while true {
      let name = "\(base)-\(PodBlueprint.hash("\(base)/\(next())").prefix(5))"
      if store[podKey(namespace: namespace, name: name)] == nil { return name }
    }
  }

  func podKey(namespace: String, name: String) -> ObjectStore.Key {
    ObjectStore.Key(group: "", resource: "pods", namespace: namespace, name: name)
  }

  /// The live pods of an owner, oldest first.
  func podIDs(of owner: SimPod.Owner) -> [Int] { podsByOwner[owner] ?? [] }

  /// Deletes a pod gracefully: it stops being ready at once, keeps its node's resources for
  /// its shutdown time (at most terminationGracePeriodSeconds), then is gone. An unbound pod
  /// goes at once.
  func deletePod(_ id: Int, reason: String = "Killing") {
    guard var pod = pods[id], !pod.terminating else { return }
    pod.deletedAt = now
    pod.ready = false
    pod.attempt += 1
    pods[id] = pod
    notifyOwner(of: pod)
    guard let nodeIndex = pod.nodeIndex else {
      activeQueue.removeAll { $0 == id }
      unschedulable.removeAll { $0 == id }
      removePod(id)
      return
    }
    nodes[nodeIndex].markTerminating(podID: id)
    if reason == "Killing" {
      recorder.event(
        at: now, object: "Pod/\(pod.namespace)/\(pod.name)", reason: "Killing",
        message: "Stopping container")
    }
    // A pod on a node that stopped answering is never confirmed gone by its kubelet.
    guard !deadKubelets.contains(nodeIndex) else { return }
    queue.schedule(.podGone(pod: id), at: now + pod.blueprint.lifecycle.terminationSeconds())
  }

  /// Removes a pod that has stopped: its node's resources are free again.
  func removePod(_ id: Int) {
    guard let pod = pods[id] else { return }
    if let nodeIndex = pod.nodeIndex { nodes[nodeIndex].remove(podID: id) }
    if let owner = pod.owner { podsByOwner[owner]?.removeAll { $0 == id } }
    store.delete(podKey(namespace: pod.namespace, name: pod.name))
    pods[id] = nil
    clusterChanged = true
    notifyOwner(of: pod)
  }

  /// Tells the pod's controller (and a Deployment above a ReplicaSet) to look again.
  func notifyOwner(of pod: SimPod) {
    switch pod.owner {
    case .replicaSet(let id)?:
      markDirty(.replicaSet(id))
      if let deployment = replicaSets[id].deployment { markDirty(.deployment(deployment)) }
    case .statefulSet(let key)?: markDirty(.statefulSet(key))
    case .daemonSet(let key)?: markDirty(.daemonSet(key))
    case .job(let key)?: markDirty(.job(key))
    case .standalone, nil: break
    }
  }

  /// Places queued pods, highest priority first, then in queue order; pods that fit nowhere
  /// wait until the cluster changes.
  ///
  /// An unschedulable pod is tried again once the cluster has changed since its last attempt
  /// and its back-off (1 s doubling to 10 s) has run out, as the scheduling queue does
  /// (pkg/scheduler/backend/queue: podInitialBackoffDuration, podMaxBackoffDuration).
  func schedulePending() {
    if clusterChanged {
      lastClusterChange = now
      clusterChanged = false
    }
    if !unschedulable.isEmpty {
      var waiting: [Int] = []
      var earliest: Double?
      for id in unschedulable {
        guard let pod = pods[id] else { continue }
        guard pod.lastSchedulingAttempt < lastClusterChange else {
          waiting.append(id)
          continue
        }
        let backoff = min(10, pow2(pod.failedSchedulingAttempts - 1))
        let due = pod.lastSchedulingAttempt + backoff
        if due <= now {
          activeQueue.append(id)
        } else {
          waiting.append(id)
          earliest = min(earliest ?? due, due)
        }
      }
      unschedulable = waiting
      if let earliest, nextSchedulerRetry.map({ $0 > earliest }) ?? true {
        nextSchedulerRetry = earliest
        queue.schedule(.schedulerRetry, at: earliest)
      }
    }
    guard !activeQueue.isEmpty else { return }
    var queued = activeQueue
    activeQueue.removeAll(keepingCapacity: true)
    // mirrors pkg/scheduler/framework/plugins/queuesort: priority, then enqueue order.
    if queued.contains(where: { (pods[$0]?.blueprint.constraints.priority ?? 0) != 0 }) {
      queued = queued.enumerated().sorted {
        let left = pods[$0.element]?.blueprint.constraints.priority ?? 0
        let right = pods[$1.element]?.blueprint.constraints.priority ?? 0
        return left != right ? left > right : $0.offset < $1.offset
      }.map(\.element)
    }
    for id in queued { schedule(id) }
  }

  private func schedule(_ id: Int) {
    guard var pod = pods[id], !pod.terminating, pod.nodeIndex == nil else { return }
    schedulingAttempts += 1
    pod.lastSchedulingAttempt = now
    let result = scheduler.schedule(schedulingRequest(for: pod), nodes: nodes)
    guard let nodeIndex = result.nodeIndex else {
      if pod.unschedulableMessage != result.message {
        recorder.event(
          at: now, object: "Pod/\(pod.namespace)/\(pod.name)", reason: "FailedScheduling",
          message: result.message)
      }
      if pod.unschedulableSince == nil { pod.unschedulableSince = now }
      pod.failedSchedulingAttempts += 1
      pod.unschedulableMessage = result.message
      pods[id] = pod
      unschedulable.append(id)
      notifyOwner(of: pod)
      return
    }
    pod.nodeIndex = nodeIndex
    pod.unschedulableMessage = nil
    pod.unschedulableSince = nil
    pods[id] = pod
    podsScheduled += 1
    nodes[nodeIndex].add(
      ResidentPod(
        id: id, namespace: pod.namespace, labels: pod.labels, requests: pod.blueprint.requests,
        constraints: pod.blueprint.constraints, terminating: false))
    store.write(podKey(namespace: pod.namespace, name: pod.name), kind: "Pod", at: now)
    if pod.blueprint.constraints.hasInterPodConstraints { clusterChanged = true }
    startAttempt(id)
  }

  /// 2 to the power `exponent` (1 for negative exponents), in seconds.
  private func pow2(_ exponent: Int) -> Double {
    exponent <= 0 ? 1 : Double(1 << min(exponent, 20))
  }

  /// What the scheduler is asked for a pod. A DaemonSet pod's required node affinity is
  /// replaced by a `metadata.name` term for its node, as the DaemonSet controller writes it
  /// (daemon/util ReplaceDaemonSetPodNodeNameNodeAffinity), so that the other nodes are left
  /// out the way kube-scheduler leaves them out.
  func schedulingRequest(for pod: SimPod) -> SchedulingRequest {
    var constraints = pod.blueprint.constraints
    if let pinned = pod.pinnedNode {
      constraints.requiredNodeTerms = [
        NodeSelectorTerm(matchFields: [
          .init(key: "metadata.name", operator: .in, values: [nodes[pinned].node.name])
        ])
      ]
    }
    return SchedulingRequest(
      namespace: pod.namespace, labels: pod.labels, requests: pod.blueprint.requests,
      constraints: constraints)
  }

  /// Hands a bound pod to its node's kubelet: the timed events of one attempt.
  func startAttempt(_ id: Int, restartCount: Int = 0) {
    guard var pod = pods[id] else { return }
    pod.attempt += 1
    pods[id] = pod
    if let node = pod.nodeIndex, deadKubelets.contains(node) { return }
    for event in pod.blueprint.lifecycle.attempt(startingAt: now, restartCount: restartCount) {
      queue.schedule(.kubelet(pod: id, attempt: pod.attempt, event.kind), at: event.at)
    }
  }

  /// Applies one kubelet transition.
  func applyKubelet(_ kind: KubeletEvent.Kind, to id: Int) {
    guard var pod = pods[id] else { return }
    let object = "Pod/\(pod.namespace)/\(pod.name)"
    switch kind {
    case .containersStarted:
      pod.phase = .running
      pod.started = true
    case .ready:
      pod.ready = true
      pod.readySince = now
      pod.waitingReason = nil
      let minReady = minReadySeconds(of: pod.owner)
      if minReady > 0 {
        queue.schedule(.available(pod: id, attempt: pod.attempt), at: now + Double(minReady))
      }
    case .notReady:
      pod.ready = false
    case .containerExited(let name, let code, let restart):
      pod.ready = false
      if let restart {
        pod.restarts = restart.restartCount
        pod.waitingReason = "CrashLoopBackOff"
        recorder.event(
          at: now, object: object, reason: "BackOff",
          message: "Back-off restarting failed container \(name) (exit code \(code))")
        scheduleRestart(id, restart)
      }
    case .livenessFailed(let name, let restart), .startupFailed(let name, let restart):
      pod.ready = false
      var probe = "Liveness"
      if case .startupFailed = kind { probe = "Startup" }
      recorder.event(
        at: now, object: object, reason: "Unhealthy",
        message: "\(probe) probe failed: container \(name) will be restarted")
      if let restart {
        pod.restarts = restart.restartCount
        pod.waitingReason = "CrashLoopBackOff"
        scheduleRestart(id, restart)
      }
    case .initContainerFailed(let name, let code, let restart):
      recorder.event(
        at: now, object: object, reason: "BackOff",
        message: "Back-off restarting failed init container \(name) (exit code \(code))")
      if let restart {
        pod.restarts = restart.restartCount
        pod.waitingReason = "Init:CrashLoopBackOff"
        scheduleRestart(id, restart)
      }
    case .succeeded:
      pod.phase = .succeeded
      pod.ready = false
    case .failed(let container, let code):
      pod.phase = .failed
      pod.ready = false
      pod.waitingReason = "container \(container) exited with \(code)"
    case .imagePulled, .initContainerCompleted:
      return
    }
    // A finished pod holds no resources: the scheduler leaves terminal pods out.
    if pod.phase == .succeeded || pod.phase == .failed, let node = pod.nodeIndex {
      nodes[node].remove(podID: id)
      clusterChanged = true
    }
    pods[id] = pod
    notifyOwner(of: pod)
  }

  /// The owner's minReadySeconds: how long a Ready pod waits before it counts as available.
  func minReadySeconds(of owner: SimPod.Owner?) -> Int {
    switch owner {
    case .replicaSet(let id)?: replicaSets[id].minReadySeconds
    case .statefulSet(let key)?: statefulSets[key]?.summary.minReadySeconds ?? 0
    case .daemonSet(let key)?: daemonSets[key]?.summary.minReadySeconds ?? 0
    case .job?, .standalone?, nil: 0
    }
  }

  private func scheduleRestart(_ id: Int, _ restart: KubeletEvent.Restart) {
    guard let pod = pods[id] else { return }
    queue.schedule(.restart(pod: id, attempt: pod.attempt, restartCount: restart.restartCount), at: restart.at)
  }
}
