public import BosunModel

/// What a pod asks of a node, computed once per pod template.
public struct PodRequests: Hashable, Sendable {
  /// The pod's effective request, as the NodeResourcesFit filter counts it.
  public var requests: ResourceList
  /// The same with upstream's non-zero defaults (100m CPU, 200 MiB memory for a container that
  /// requests none), which the scoring plugins use.
  public var nonZeroRequests: ResourceList

  /// Creates requests directly (tests).
  public init(requests: ResourceList, nonZeroRequests: ResourceList? = nil) {
    self.requests = requests
    self.nonZeroRequests = nonZeroRequests ?? requests
  }

  // mirrors pkg/scheduler/util/pod_resources.go: DefaultMilliCPURequest, DefaultMemoryRequest
  /// CPU counted for a container without a CPU request when scoring.
  public static let defaultMilliCPURequest: Int64 = 100
  /// Memory counted for a container without a memory request when scoring.
  public static let defaultMemoryRequest: Int64 = 200 * 1024 * 1024

  /// Computes a pod's requests the way k8s.io/component-helpers `resource.PodRequests` does:
  /// the larger of (the sum over app containers and sidecars) and (each init container's
  /// request plus the sidecars started before it), plus the pod overhead. A request missing
  /// but a limit set counts the limit (the API server defaults the request to it).
  public init(spec: PodSpec) {
    requests = Self.compute(spec: spec, nonZero: false)
    nonZeroRequests = Self.compute(spec: spec, nonZero: true)
  }

  private static func containerRequest(_ container: Container, nonZero: Bool) -> ResourceList {
    var quantities: [String: Quantity] = container.resources.limits
    for (name, quantity) in container.resources.requests { quantities[name] = quantity }
    var list = ResourceList(quantities)
    if nonZero {
      if quantities["cpu"] == nil { list.milliCPU = defaultMilliCPURequest }
      if quantities["memory"] == nil { list.memory = defaultMemoryRequest }
    }
    return list
  }

  private static func compute(spec: PodSpec, nonZero: Bool) -> ResourceList {
    var apps = ResourceList.zero
    for container in spec.containers { apps += containerRequest(container, nonZero: nonZero) }
    var sidecars = ResourceList.zero
    var initPeak = ResourceList.zero
    for container in spec.initContainers {
      let request = containerRequest(container, nonZero: nonZero)
      if container.isSidecar {
        sidecars += request
        initPeak = initPeak.maximum(sidecars)
      } else {
        initPeak = initPeak.maximum(request + sidecars)
      }
    }
    var total = (apps + sidecars).maximum(initPeak)
    total += ResourceList(spec.overhead)
    return total
  }
}
