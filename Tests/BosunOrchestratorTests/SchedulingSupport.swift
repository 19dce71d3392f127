import BosunModel
import BosunYAML
import Testing

@testable import BosunOrchestrator

/// Builders for scheduler tests: pods from YAML, nodes from a few numbers.
enum SchedulingSupport {
  static let gibibyte: Int64 = 1024 * 1024 * 1024

  /// A pod read from YAML (`spec:` and optional `labels:` given as YAML text).
  static func pod(_ yaml: String) throws -> Pod {
    let document = try #require(
      YAMLParser.parse(Array(yaml.utf8), file: "pod.yaml").documents.first?.root)
    guard case .pod(let pod) = ObjectView.decode(root: document).view else {
      Issue.record("not a pod")
      throw CancellationError()
    }
    return pod
  }

  /// A request for a pod whose `spec` is the given YAML mapping body (indented by two).
  static func request(
    spec: String, labels: [String: String] = [:], namespace: String = "default"
  ) throws -> SchedulingRequest {
    let pod = try pod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + spec)
    return SchedulingRequest(
      namespace: namespace, labels: labels, requests: PodRequests(spec: pod.spec),
      constraints: SchedulingConstraints(spec: pod.spec, labels: labels))
  }

  /// A request with plain cpu (millicores) and memory requests and no constraints.
  static func request(
    milliCPU: Int64, memory: Int64 = 0, labels: [String: String] = [:]
  ) throws -> SchedulingRequest {
    let memoryText = memory == 0 ? "" : ", memory: \"\(memory)\""
    return try request(
      spec: """
          containers:
          - {name: a, image: a, resources: {requests: {cpu: \(milliCPU)m\(memoryText)}}}
        """, labels: labels)
  }

  /// A Ready node with the given allocatable cpu (millicores) and memory.
  static func node(
    _ name: String, milliCPU: Int64 = 4000, memory: Int64 = 8 * gibibyte,
    labels: [String: String] = [:], taints: [ClusterNode.Taint] = [], pods: Int = 110,
    unschedulable: Bool = false, ready: Bool = true
  ) -> NodeState {
    NodeState(
      node: SimNode(
        name: name, labels: labels, taints: taints,
        allocatable: ResourceList(milliCPU: milliCPU, memory: memory), allowedPodCount: pods,
        unschedulable: unschedulable, ready: ready))
  }

  /// A resident pod built from a request (same labels, requests and constraints).
  static func resident(
    _ id: Int, from request: SchedulingRequest, terminating: Bool = false
  ) -> ResidentPod {
    ResidentPod(
      id: id, namespace: request.namespace, labels: request.labels, requests: request.requests,
      constraints: request.constraints, terminating: terminating)
  }

  /// A resident pod with plain requests and labels.
  static func resident(
    _ id: Int, milliCPU: Int64 = 0, memory: Int64 = 0, labels: [String: String] = [:],
    namespace: String = "default", priority: Int = 0
  ) throws -> ResidentPod {
    var request = try request(
      spec: """
          priority: \(priority)
          containers:
          - {name: a, image: a, resources: {requests: {cpu: \(milliCPU)m, memory: "\(memory)"}}}
        """, labels: labels)
    request.namespace = namespace
    return resident(id, from: request)
  }
}
