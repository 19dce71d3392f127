public import BosunModel

/// A pod as the kubelet model runs it on a node: its containers' behaviours and probes, its
/// restart policy and grace period, and the timed events of each attempt to run it.
///
/// Simplifications, all deterministic:
/// - images are pulled once per image per pod, one after another (the kubelet pulls serially by
///   default); a node's image cache across pods is not modelled, so every new pod pulls; an
///   image that pulls in 0 s is taken as present and reports no `imagePulled`;
/// - a restart restarts the pod's sidecars and app containers together, without pulls or init
///   containers (exact for pods with one container, which restart only themselves);
/// - probes run at `initialDelaySeconds` and every period after the container starts
///   (see `ProbeTiming`).
public struct PodLifecycle: Sendable {
  /// `spec.restartPolicy`.
  public enum RestartPolicy: String, Hashable, Sendable {
    /// Restart every container that stops (the default).
    case always = "Always"
    /// Restart containers that fail.
    case onFailure = "OnFailure"
    /// Never restart.
    case never = "Never"
  }

  /// `spec.restartPolicy`, default `Always` (pkg/apis/core/v1/defaults.go `SetDefaults_PodSpec`).
  public let restartPolicy: RestartPolicy
  /// `spec.terminationGracePeriodSeconds`, default 30 (`v1.DefaultTerminationGracePeriodSeconds`).
  public let terminationGracePeriodSeconds: Double
  /// `spec.initContainers`, sidecars included, in order.
  public let initContainers: [ContainerLifecycle]
  /// `spec.containers`.
  public let containers: [ContainerLifecycle]

  private let bound: AttemptTimeline
  private let restarted: AttemptTimeline

  // mirrors pkg/kubelet/kubelet.go: backOffPeriod and MaxContainerBackOff.
  /// The first back-off of a crash loop.
  public static let initialBackOffSeconds: Double = 10
  /// The longest back-off of a crash loop.
  public static let maximumBackOffSeconds: Double = 300
  /// A container that runs longer than this after a restart starts its back-off afresh
  /// (client-go util/flowcontrol/backoff.go: an entry expires after twice the maximum).
  public static let backOffResetSeconds: Double = 2 * maximumBackOffSeconds
  /// The grace period a pod spec gets when it does not say (`v1.DefaultTerminationGracePeriodSeconds`).
  public static let defaultTerminationGracePeriodSeconds: Double = 30

  /// Reads a pod spec and looks up each container's image in `knobs`.
  public init(spec: PodSpec, knobs: ScenarioKnobs) {
    let policy = spec.restartPolicy.flatMap(RestartPolicy.init(rawValue:)) ?? .always
    let grace =
      spec.terminationGracePeriodSeconds.map(Double.init)
      ?? Self.defaultTerminationGracePeriodSeconds
    restartPolicy = policy
    terminationGracePeriodSeconds = grace
    var pulled: Set<String> = []
    func lifecycle(_ container: Container, policy: RestartPolicy, grace: Double)
      -> ContainerLifecycle
    {
      let image = container.image ?? ""
      return ContainerLifecycle(
        container, behaviour: knobs.behaviour(forImage: image),
        pullsImage: pulled.insert(image).inserted, restartPolicy: policy, gracePeriodSeconds: grace)
    }
    let pod = AttemptTimeline.Pod(
      restartPolicy: policy,
      initContainers: spec.initContainers.map { lifecycle($0, policy: policy, grace: grace) },
      containers: spec.containers.map { lifecycle($0, policy: policy, grace: grace) })
    initContainers = pod.initContainers
    containers = pod.containers
    let bound = AttemptTimeline(pod, entry: .bound)
    self.bound = bound
    restarted = AttemptTimeline(pod, entry: bound.next ?? .containers)
  }

  /// The events of one attempt, in time order, until the pod settles: Ready and staying so,
  /// never Ready, Succeeded or Failed, or a container stopped with its restart scheduled.
  ///
  /// - Parameters:
  ///   - start: when the pod was bound to the node (`restartCount` 0), or when a stopped
  ///     container runs again (the `restart.at` of the event that stopped it).
  ///   - restartCount: 0 for a pod just bound; otherwise the `restart.restartCount` of the
  ///     event that stopped it.
  public func attempt(startingAt start: Double, restartCount: Int) -> [KubeletEvent] {
    let timeline = restartCount == 0 ? bound : restarted
    var events: [KubeletEvent] = []
    events.reserveCapacity(timeline.steps.count)
    for step in timeline.steps {
      var kind = step.kind
      if let exitAfter = step.exitAfter {
        // mirrors pkg/kubelet/kuberuntime doBackOff: the back-off counts from the container's
        // finish, and an entry older than twice the maximum starts over.
        let finished = step.offset + exitAfter
        let count = finished > Self.backOffResetSeconds ? 0 : restartCount
        kind = kind.scheduling(
          KubeletEvent.Restart(
            at: start + finished + restartDelay(restartCount: count), restartCount: count + 1))
      }
      events.append(KubeletEvent(at: start + step.offset, kind: kind))
    }
    return events
  }

  /// Seconds between a container stopping and its next start, after `restartCount` restarts
  /// within the back-off window: 0, then 10, 20, 40, … capped at 300.
  ///
  /// Mirrors pkg/kubelet/kuberuntime `doBackOff` with client-go's `flowcontrol.Backoff`: the
  /// first restart finds no back-off entry and happens at once (creating a 10 s entry); each
  /// later one waits the current entry, which doubles up to `MaxContainerBackOff`.
  public func restartDelay(restartCount: Int) -> Double {
    guard restartCount > 0 else { return 0 }
    let doublings = min(restartCount - 1, 16)
    return min(Self.initialBackOffSeconds * Double(1 << doublings), Self.maximumBackOffSeconds)
  }

  /// Seconds from the pod's deletion to it being gone: app containers get SIGTERM together and
  /// each takes its `shutdownSeconds`, then sidecars stop, all within the grace period
  /// (pkg/kubelet/kuberuntime kuberuntime_termination_order.go), never under 2 s
  /// (`minimumGracePeriodInSeconds`).
  public func terminationSeconds() -> Double {
    let grace = max(terminationGracePeriodSeconds, ContainerLifecycle.minimumGracePeriodSeconds)
    let apps = containers.map(\.terminationSeconds).max() ?? 0
    let sidecars = initContainers.filter(\.isSidecar).map(\.behaviour.shutdownSeconds).max() ?? 0
    return min(apps + sidecars, grace)
  }
}
