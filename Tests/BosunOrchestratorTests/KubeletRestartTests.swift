import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Kubelet restarts and termination")
struct KubeletRestartTests {
  @Test(
    "crash-loop back-off: the first restart at once, then 10 s doubling to 300 s (kuberuntime doBackOff, kubelet MaxContainerBackOff)"
  )
  func backOffSequence() throws {
    let pod = try kubeletPod("containers: [{name: a, image: a}]")
    #expect(
      (0...8).map { pod.restartDelay(restartCount: $0) } == [
        0, 10, 20, 40, 80, 160, 300, 300, 300,
      ])
    #expect(pod.restartDelay(restartCount: 10_000) == 300)
  }

  @Test("a crashing container exits 1 and restarts under Always, each attempt one step further")
  func crashLoop() throws {
    let pod = try kubeletPod(
      "containers: [{name: flaky, image: registry/flaky:3}]",
      images: ["registry/flaky:3": ImageBehaviour(pullSeconds: 0, crashAfterSeconds: 20)])
    var start = 0.0
    var count = 0
    var restarts: [Double] = []
    for _ in 0..<8 {
      let last = try #require(pod.attempt(startingAt: start, restartCount: count).last)
      let restart = try #require(last.kind.restart)
      #expect(last.kind == .containerExited(name: "flaky", exitCode: 1, restart: restart))
      restarts.append(restart.at - last.at)
      start = restart.at
      count = restart.restartCount
    }
    #expect(restarts == [0, 10, 20, 40, 80, 160, 300, 300])
  }

  @Test(
    "the back-off starts over after a container ran ten minutes (flowcontrol backoff: expired after twice the maximum)"
  )
  func backOffReset() throws {
    let pod = try kubeletPod(
      "containers: [{name: a, image: a}]",
      images: ["a": ImageBehaviour(crashAfterSeconds: 601)])
    let last = try #require(pod.attempt(startingAt: 0, restartCount: 6).last)
    #expect(last.kind.restart == KubeletEvent.Restart(at: 601, restartCount: 1))
  }

  @Test("a crash under restartPolicy Never fails the pod")
  func crashNever() throws {
    let pod = try kubeletPod(
      "restartPolicy: Never\ncontainers: [{name: a, image: a}]",
      images: ["a": ImageBehaviour(pullSeconds: 0, crashAfterSeconds: 3)])
    #expect(
      pod.attempt(startingAt: 0, restartCount: 0).suffix(2) == [
        KubeletEvent(at: 3, kind: .containerExited(name: "a", exitCode: 1, restart: nil)),
        KubeletEvent(at: 3, kind: .failed(container: "a", exitCode: 1)),
      ])
  }

  @Test(
    "termination takes the slowest shutdown, bounded by terminationGracePeriodSeconds and never under 2 s (kuberuntime minimumGracePeriodInSeconds)"
  )
  func termination() throws {
    let images = ["slow": ImageBehaviour(shutdownSeconds: 120), "quick": ImageBehaviour()]
    let bounded = try kubeletPod(
      "containers: [{name: q, image: quick}, {name: s, image: slow}]", images: images)
    #expect(bounded.terminationSeconds() == 30)
    let short = try kubeletPod(
      "terminationGracePeriodSeconds: 0\ncontainers: [{name: s, image: slow}]", images: images)
    #expect(short.terminationSeconds() == 2)
    let quick = try kubeletPod("containers: [{name: q, image: quick}]", images: images)
    #expect(quick.terminationSeconds() == 1)
  }
}
