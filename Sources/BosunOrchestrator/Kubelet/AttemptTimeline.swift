/// The events of one attempt to run a pod, in seconds from the attempt's start. Worked out once
/// per pod, so that an attempt at a given moment is one pass over a short array.
struct AttemptTimeline: Sendable {
  /// Where an attempt begins.
  enum Entry: Sendable {
    /// The pod was just bound to the node: pull images, run every init container, start the
    /// app containers.
    case bound
    /// Init container `index` failed before: run it again, and go on from there.
    case initContainer(Int)
    /// A running container stopped before: start the sidecars and app containers again.
    case containers
  }

  /// One event; `exitAfter` is set on events that schedule a restart, and is how long after the
  /// event the process is gone (the back-off counts from then).
  struct Step: Sendable {
    var offset: Double
    var kind: KubeletEvent.Kind
    var exitAfter: Double?
  }

  private(set) var steps: [Step] = []
  /// How the next attempt begins, when this one ends by scheduling a restart.
  private(set) var next: Entry?

  /// What of a pod the timeline needs.
  struct Pod {
    var restartPolicy: PodLifecycle.RestartPolicy
    var initContainers: [ContainerLifecycle]
    var containers: [ContainerLifecycle]
  }

  init(_ pod: Pod, entry: Entry) {
    var running: [(container: ContainerLifecycle, start: Double)] = []
    var time = 0.0
    let pulls: Bool
    switch entry {
    case .bound:
      pulls = true
      guard runInitContainers(pod, from: 0, pulls: true, time: &time, running: &running) else {
        return
      }
    case .initContainer(let index):
      pulls = false
      guard runInitContainers(pod, from: index, pulls: false, time: &time, running: &running)
      else { return }
    case .containers:
      pulls = false
      running = pod.initContainers.filter(\.isSidecar).map { ($0, 0) }
    }
    for container in pod.containers {
      if pulls && container.pullsImage && container.behaviour.pullSeconds > 0 {
        time += container.behaviour.pullSeconds
        steps.append(Step(offset: time, kind: .imagePulled(container: container.name)))
      }
      running.append((container, time))
    }
    steps.append(Step(offset: time, kind: .containersStarted))
    runContainers(pod, running, startedAt: time)
    // Ends can come before a later container has even started: order by time, stop at the end
    // that settles the attempt.
    steps = steps.enumerated().sorted {
      ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset)
    }
    .map(\.element)
    if let last = steps.lastIndex(where: { $0.exitAfter != nil || $0.kind.isTerminal }) {
      steps.removeSubrange((last + 1)...)
    }
  }

  /// Runs init containers in order; false when one of them ends the attempt.
  private mutating func runInitContainers(
    _ pod: Pod, from first: Int, pulls: Bool, time: inout Double,
    running: inout [(container: ContainerLifecycle, start: Double)]
  ) -> Bool {
    for index in pod.initContainers.indices.dropFirst(first) {
      let container = pod.initContainers[index]
      if pulls && container.pullsImage && container.behaviour.pullSeconds > 0 {
        time += container.behaviour.pullSeconds
        steps.append(Step(offset: time, kind: .imagePulled(container: container.name)))
      }
      if container.isSidecar {
        // The next init container starts once the sidecar has started (its startup probe
        // succeeded), as upstream's restartable init containers do.
        if let started = container.startedAfterSeconds,
          container.end.map({ $0.afterSeconds > started }) ?? true
        {
          running.append((container, time))
          time += started
          continue
        }
        if let end = container.end {
          stop(container, end, at: time + end.afterSeconds, restarts: true)
        }
        next = .initContainer(index)
        return false
      }
      guard let end = container.end else { continue }
      time += end.afterSeconds
      if end.cause == .exited(code: 0) {
        steps.append(Step(offset: time, kind: .initContainerCompleted(name: container.name)))
        continue
      }
      let restarts = pod.restartPolicy != .never
      steps.append(
        Step(
          offset: time,
          kind: .initContainerFailed(name: container.name, exitCode: end.exitCode, restart: nil),
          exitAfter: restarts ? 0 : nil))
      if restarts {
        next = .initContainer(index)
      } else {
        steps.append(
          Step(offset: time, kind: .failed(container: container.name, exitCode: end.exitCode)))
      }
      return false
    }
    return true
  }

  /// Readiness and the ends of the running containers, up to the first end that restarts a
  /// container or the last app container's end.
  private mutating func runContainers(
    _ pod: Pod, _ running: [(container: ContainerLifecycle, start: Double)],
    startedAt: Double
  ) {
    var readyAt: Double? = startedAt
    for (container, start) in running {
      readyAt = container.readyAfterSeconds.flatMap { ready in
        readyAt.map { max($0, start + ready) }
      }
    }
    let ends = running.compactMap { container, start in
      container.end.map { (container: container, end: $0, at: start + $0.afterSeconds) }
    }.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    var ready = false
    if let readyAt, readyAt < (ends.first?.at ?? .infinity) {
      steps.append(Step(offset: readyAt, kind: .ready))
      ready = true
    }
    var appsRunning = pod.containers.count
    var failure: (name: String, exitCode: Int)?
    for (container, end, at) in ends where appsRunning > 0 {
      if ready {
        steps.append(Step(offset: at, kind: .notReady))
        ready = false
      }
      let succeeded = end.cause == .exited(code: 0)
      let restarts =
        container.isSidecar || pod.restartPolicy == .always
        || (pod.restartPolicy == .onFailure && !succeeded)
      stop(container, end, at: at, restarts: restarts)
      if restarts {
        next = .containers
        return
      }
      appsRunning -= 1
      if !succeeded && failure == nil { failure = (container.name, end.exitCode) }
      if appsRunning == 0 {
        let gone = at + (end.isKill ? container.killSeconds : 0)
        let kind: KubeletEvent.Kind =
          failure.map { .failed(container: $0.name, exitCode: $0.exitCode) } ?? .succeeded
        steps.append(Step(offset: gone, kind: kind))
      }
    }
  }

  private mutating func stop(
    _ container: ContainerLifecycle, _ end: ContainerLifecycle.End, at time: Double, restarts: Bool
  ) {
    let kind: KubeletEvent.Kind
    let exitAfter: Double
    switch end.cause {
    case .exited(let code):
      kind = .containerExited(name: container.name, exitCode: code, restart: nil)
      exitAfter = 0
    case .livenessFailed:
      kind = .livenessFailed(name: container.name, restart: nil)
      exitAfter = container.killSeconds
    case .startupFailed:
      kind = .startupFailed(name: container.name, restart: nil)
      exitAfter = container.killSeconds
    }
    steps.append(Step(offset: time, kind: kind, exitAfter: restarts ? exitAfter : nil))
  }
}

extension ContainerLifecycle.End {
  /// Whether the kubelet kills the process (rather than it exiting by itself).
  var isKill: Bool {
    if case .exited = cause { return false }
    return true
  }
}

extension KubeletEvent.Kind {
  /// Whether the pod has reached a final phase.
  var isTerminal: Bool {
    switch self {
    case .succeeded, .failed: true
    default: false
    }
  }
}
