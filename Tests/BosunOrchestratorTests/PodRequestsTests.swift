import BosunModel
import BosunYAML
import Testing

@testable import BosunOrchestrator

@Suite("Pod requests")
struct PodRequestsTests {
  private func spec(_ yaml: String) throws -> PodSpec {
    let document = try #require(
      YAMLParser.parse(Array(yaml.utf8), file: "pod.yaml").documents.first?.root)
    guard case .pod(let pod) = ObjectView.decode(root: document).view else {
      Issue.record("not a pod")
      throw CancellationError()
    }
    return pod.spec
  }

  @Test(
    "init containers count by their peak, sidecars add up (component-helpers resource.PodRequests)"
  )
  func initContainersAndSidecars() throws {
    let requests = PodRequests(
      spec: try spec(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
          - {name: migrate, image: m, resources: {requests: {cpu: "2", memory: 64Mi}}}
          - {name: proxy, image: p, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
          containers:
          - {name: app, image: a, resources: {requests: {cpu: 500m, memory: 1Gi}}}
          - {name: log, image: l, resources: {limits: {cpu: 200m, memory: 128Mi}}}
          overhead: {cpu: 10m}
        """))
    #expect(requests.requests.milliCPU == 2010)
    #expect(requests.requests.memory == 1024 * 1024 * 1024 + 128 * 1024 * 1024 + 0)
    #expect(requests.nonZeroRequests.milliCPU == 2010)
  }

  @Test(
    "a container without requests scores as 100m and 200Mi (scheduler util DefaultMilliCPURequest)")
  func nonZeroDefaults() throws {
    let requests = PodRequests(
      spec: try spec(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: a}]}")
    )
    #expect(requests.requests == .zero)
    #expect(requests.nonZeroRequests.milliCPU == 100)
    #expect(requests.nonZeroRequests.memory == 200 * 1024 * 1024)
  }
}
