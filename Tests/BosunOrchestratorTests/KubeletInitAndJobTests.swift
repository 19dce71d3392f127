import BosunModel
import Testing

@testable import BosunOrchestrator

@Suite("Kubelet init containers and Job pods")
struct KubeletInitAndJobTests {
  @Test(
    "init containers run one after another, each after its image pull, before the app containers")
  func initInOrder() throws {
    let pod = try kubeletPod(
      """
      initContainers:
      - {name: migrate, image: tools}
      - {name: seed, image: tools}
      containers: [{name: web, image: web}]
      """, images: ["tools": ImageBehaviour(pullSeconds: 3, runSeconds: 4)])
    #expect(
      pod.attempt(startingAt: 0, restartCount: 0) == [
        KubeletEvent(at: 3, kind: .imagePulled(container: "migrate")),
        KubeletEvent(at: 7, kind: .initContainerCompleted(name: "migrate")),
        KubeletEvent(at: 11, kind: .initContainerCompleted(name: "seed")),
        KubeletEvent(at: 16, kind: .imagePulled(container: "web")),
        KubeletEvent(at: 16, kind: .containersStarted),
        KubeletEvent(at: 16, kind: .ready),
      ])
  }

  @Test("a failing init container restarts with back-off and the app containers never start")
  func failingInit() throws {
    let pod = try kubeletPod(
      """
      initContainers: [{name: ok, image: ok}, {name: bad, image: bad}]
      containers: [{name: web, image: web}]
      """,
      images: [
        "ok": ImageBehaviour(pullSeconds: 0), "bad": ImageBehaviour(pullSeconds: 0, exitCode: 2),
      ])
    #expect(
      pod.attempt(startingAt: 0, restartCount: 0).last
        == KubeletEvent(
          at: 2,
          kind: .initContainerFailed(
            name: "bad", exitCode: 2, restart: KubeletEvent.Restart(at: 2, restartCount: 1))))
    // Later attempts run only the failing init container again.
    #expect(
      pod.attempt(startingAt: 2, restartCount: 1) == [
        KubeletEvent(
          at: 3,
          kind: .initContainerFailed(
            name: "bad", exitCode: 2, restart: KubeletEvent.Restart(at: 13, restartCount: 2)))
      ])
  }

  @Test("a failing init container under restartPolicy Never fails the pod")
  func failingInitNever() throws {
    let pod = try kubeletPod(
      "restartPolicy: Never\ninitContainers: [{name: bad, image: bad}]\ncontainers: [{name: w, image: w}]",
      images: ["bad": ImageBehaviour(pullSeconds: 0, exitCode: 1)])
    #expect(
      pod.attempt(startingAt: 0, restartCount: 0).last?.kind
        == .failed(container: "bad", exitCode: 1))
  }

  @Test(
    "a sidecar starts in order and keeps running; the next init container does not wait for it to finish"
  )
  func sidecar() throws {
    let pod = try kubeletPod(
      """
      initContainers:
      - {name: proxy, image: proxy, restartPolicy: Always}
      - {name: migrate, image: tools}
      containers: [{name: web, image: web}]
      """,
      images: ["proxy": ImageBehaviour(pullSeconds: 2), "tools": ImageBehaviour(pullSeconds: 0)])
    #expect(
      pod.attempt(startingAt: 0, restartCount: 0).map(\.at) == [2, 3, 8, 8, 8])
  }

  @Test("a Job pod's container runs 10 s by default and exit 0 under Never is Succeeded")
  func jobSuccess() throws {
    let pod = try kubeletPod(
      "restartPolicy: Never\ncontainers: [{name: report, image: batch/report:1}]",
      images: ["batch/report:1": ImageBehaviour(pullSeconds: 0)])
    #expect(
      pod.attempt(startingAt: 0, restartCount: 0) == [
        KubeletEvent(at: 0, kind: .containersStarted),
        KubeletEvent(at: 0, kind: .ready),
        KubeletEvent(at: 10, kind: .notReady),
        KubeletEvent(at: 10, kind: .containerExited(name: "report", exitCode: 0, restart: nil)),
        KubeletEvent(at: 10, kind: .succeeded),
      ])
  }

  @Test("a Job pod that exits 1 fails under Never and restarts with back-off under OnFailure")
  func jobFailure() throws {
    let images = ["batch/report:1": ImageBehaviour(pullSeconds: 0, runSeconds: 120, exitCode: 1)]
    let never = try kubeletPod(
      "restartPolicy: Never\ncontainers: [{name: r, image: batch/report:1}]", images: images)
    #expect(
      never.attempt(startingAt: 0, restartCount: 0).last
        == KubeletEvent(at: 120, kind: .failed(container: "r", exitCode: 1)))
    let onFailure = try kubeletPod(
      "restartPolicy: OnFailure\ncontainers: [{name: r, image: batch/report:1}]", images: images)
    #expect(
      onFailure.attempt(startingAt: 500, restartCount: 2).last?.kind
        == .containerExited(
          name: "r", exitCode: 1, restart: KubeletEvent.Restart(at: 640, restartCount: 3)))
  }

  @Test("a pod succeeds only when its last container has exited 0")
  func jobTwoContainers() throws {
    let pod = try kubeletPod(
      "restartPolicy: Never\ncontainers: [{name: a, image: a}, {name: b, image: b}]",
      images: [
        "a": ImageBehaviour(pullSeconds: 0, runSeconds: 5),
        "b": ImageBehaviour(pullSeconds: 0, runSeconds: 30),
      ])
    #expect(
      pod.attempt(startingAt: 0, restartCount: 0).last == KubeletEvent(at: 30, kind: .succeeded))
  }
}
