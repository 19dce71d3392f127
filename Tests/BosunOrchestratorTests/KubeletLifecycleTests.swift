import BosunModel
import BosunYAML
import Testing

@testable import BosunOrchestrator

/// A pod spec from the YAML of its `spec`, and the lifecycle the kubelet model gives it.
func kubeletPod(_ spec: String, images: [String: ImageBehaviour] = [:]) throws -> PodLifecycle {
  let indented = spec.split(separator: "\n", omittingEmptySubsequences: false)
    .map { "  " + $0 }.joined(separator: "\n")
  let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + indented
  let document = try #require(
    YAMLParser.parse(Array(yaml.utf8), file: "pod.yaml").documents.first?.root)
  guard case .pod(let pod) = ObjectView.decode(root: document).view else {
    Issue.record("not a pod")
    throw CancellationError()
  }
  return PodLifecycle(spec: pod.spec, knobs: ScenarioKnobs(images: images))
}

@Suite("Kubelet probes")
struct KubeletProbeTests {
  @Test("a container without probes is Ready once started, after its image is pulled")
  func noProbes() throws {
    let pod = try kubeletPod("containers: [{name: web, image: web:1}]")
    #expect(
      pod.attempt(startingAt: 100, restartCount: 0) == [
        KubeletEvent(at: 105, kind: .imagePulled(container: "web")),
        KubeletEvent(at: 105, kind: .containersStarted),
        KubeletEvent(at: 105, kind: .ready),
      ])
  }

  @Test(
    "probe defaults are period 10, timeout 1, success 1, failure 3 (pkg/apis/core/v1/defaults.go SetDefaults_Probe)"
  )
  func probeDefaults() throws {
    let pod = try kubeletPod(
      "containers: [{name: web, image: web, readinessProbe: {httpGet: {port: 80}, periodSeconds: 0}}]"
    )
    #expect(pod.containers[0].readinessProbe == ProbeTiming())
    #expect(pod.restartPolicy == .always)
    #expect(pod.terminationGracePeriodSeconds == 30)
  }

  @Test(
    "readiness needs successThreshold passes in a row from initialDelaySeconds, every periodSeconds (prober/worker.go)"
  )
  func readinessTiming() throws {
    let pod = try kubeletPod(
      """
      containers:
      - name: web
        image: web
        readinessProbe: {httpGet: {port: 80}, initialDelaySeconds: 5, periodSeconds: 10, successThreshold: 2}
      """, images: ["web": ImageBehaviour(pullSeconds: 0, startSeconds: 12)])
    // The probe at 5 fails (the process listens at 12); those at 15 and 25 pass.
    #expect(pod.containers[0].readyAfterSeconds == 25)
    #expect(pod.attempt(startingAt: 0, restartCount: 0).last == KubeletEvent(at: 25, kind: .ready))
  }

  @Test("an exec readiness probe can pass before the process listens")
  func execReadiness() throws {
    let pod = try kubeletPod(
      "containers: [{name: w, image: w, readinessProbe: {exec: {command: [cat]}, initialDelaySeconds: 3}}]",
      images: ["w": ImageBehaviour(startSeconds: 30)])
    #expect(pod.containers[0].readyAfterSeconds == 3)
  }

  @Test("liveness and readiness wait until the startup probe has succeeded (prober/worker.go)")
  func startupGatesReadiness() throws {
    let pod = try kubeletPod(
      """
      containers:
      - name: slow
        image: registry/slow:1
        startupProbe: {tcpSocket: {port: 80}, periodSeconds: 10, failureThreshold: 30}
        readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 5}
        livenessProbe: {tcpSocket: {port: 80}, periodSeconds: 5, failureThreshold: 1}
      """, images: ["registry/slow:*": ImageBehaviour(pullSeconds: 0, startSeconds: 90)])
    // The startup probe passes at 90; readiness and liveness start there, so liveness never
    // sees the slow start.
    #expect(pod.containers[0].startedAfterSeconds == 90)
    #expect(pod.containers[0].readyAfterSeconds == 90)
    #expect(pod.containers[0].end == nil)
  }

  @Test("a startup probe that fails failureThreshold times kills the container and restarts it")
  func startupFailure() throws {
    let pod = try kubeletPod(
      "containers: [{name: slow, image: slow, startupProbe: {tcpSocket: {port: 80}}}]",
      images: ["slow": ImageBehaviour(pullSeconds: 0, startSeconds: 90)])
    // Probes at 0, 10, 20 fail; the kill takes the 1 s shutdown; the first restart is at once.
    #expect(
      pod.attempt(startingAt: 0, restartCount: 0).last
        == KubeletEvent(
          at: 20,
          kind: .startupFailed(name: "slow", restart: KubeletEvent.Restart(at: 21, restartCount: 1))
        ))
  }

  @Test("a container whose readiness probe never passes is never Ready; without a probe it is")
  func neverReady() throws {
    let images = ["registry/web:2.0": ImageBehaviour(neverReady: true)]
    let probed = try kubeletPod(
      "containers: [{name: web, image: registry/web:2.0, readinessProbe: {httpGet: {port: 80}}}]",
      images: images)
    #expect(
      probed.attempt(startingAt: 0, restartCount: 0) == [
        KubeletEvent(at: 5, kind: .imagePulled(container: "web")),
        KubeletEvent(at: 5, kind: .containersStarted),
      ])
    let unprobed = try kubeletPod(
      "containers: [{name: web, image: registry/web:2.0}]", images: images)
    #expect(unprobed.attempt(startingAt: 0, restartCount: 0).last?.kind == .ready)
  }

  @Test(
    "failureThreshold liveness failures in a row kill the container, which restarts (prober/worker.go)"
  )
  func livenessFailure() throws {
    let pod = try kubeletPod(
      """
      containers:
      - name: web
        image: web
        livenessProbe: {httpGet: {port: 80}, periodSeconds: 10, failureThreshold: 3}
      """, images: ["web": ImageBehaviour(pullSeconds: 0, failLivenessAfterSeconds: 45)])
    // Probes at 50, 60, 70 fail; shutdown 1 s; back-off after one restart is 10 s.
    let events = pod.attempt(startingAt: 1000, restartCount: 1)
    #expect(
      events == [
        KubeletEvent(at: 1000, kind: .containersStarted),
        KubeletEvent(at: 1000, kind: .ready),
        KubeletEvent(at: 1070, kind: .notReady),
        KubeletEvent(
          at: 1070,
          kind: .livenessFailed(
            name: "web", restart: KubeletEvent.Restart(at: 1081, restartCount: 2))),
      ])
  }

  @Test("a liveness probe that fails before a slow process listens kills it")
  func livenessBeforeListening() throws {
    let pod = try kubeletPod(
      "containers: [{name: w, image: w, livenessProbe: {httpGet: {port: 80}, failureThreshold: 2}}]",
      images: ["w": ImageBehaviour(startSeconds: 15)])
    #expect(
      pod.containers[0].end
        == ContainerLifecycle.End(afterSeconds: 10, cause: .livenessFailed))
  }
}
