import BosunCore
import Testing

@testable import BosunOrchestrator

@Suite("Scenario files")
struct ScenarioKnobsTests {
  private func knobs(_ yaml: String) throws(ScenarioError) -> ScenarioKnobs {
    try ScenarioKnobs(bytes: Array(yaml.utf8), file: "scenario.yaml")
  }

  private func error(_ yaml: String) -> ScenarioError? {
    do {
      _ = try knobs(yaml)
      return nil
    } catch {
      return error
    }
  }

  @Test("a complete scenario file reads into defaults, image overrides, faults and a seed")
  func goodFile() throws {
    let knobs = try knobs(
      """
      kubelet: {imagePullSeconds: 5, containerStartSeconds: 2, shutdownSeconds: 1}
      images:
        "registry/web:2.0": {neverReady: true}
        "registry/slow:*": {startSeconds: 90, pullSeconds: 30}
        "batch/report:1": {runSeconds: 120, exitCode: 1}
        "registry/flaky:3": {crashAfterSeconds: 20}
      faults:
        - {type: node-failure, node: worker-2, at: 300}
        - {type: drain, node: worker-3, at: 2m}
      seed: 7
      """)
    #expect(knobs.defaults == ImageBehaviour(startSeconds: 2))
    #expect(
      knobs.behaviour(forImage: "registry/web:2.0")
        == ImageBehaviour(startSeconds: 2, neverReady: true))
    #expect(
      knobs.behaviour(forImage: "batch/report:1")
        == ImageBehaviour(startSeconds: 2, runSeconds: 120, exitCode: 1))
    #expect(
      knobs.faults == [
        ScenarioKnobs.Fault(kind: .nodeFailure, node: "worker-2", at: 300),
        ScenarioKnobs.Fault(kind: .drain, node: "worker-3", at: 120),
      ])
    #expect(knobs.seed == 7)
  }

  @Test("an empty file and a JSON file are scenarios too")
  func emptyAndJSON() throws {
    #expect(try knobs("").images.isEmpty)
    let json = try knobs(#"{"images": {"a:1": {"pullSeconds": 0.5}}, "seed": 3}"#)
    #expect(json.behaviour(forImage: "a:1").pullSeconds == 0.5)
  }

  @Test("an exact image reference wins over patterns, and a longer pattern over a shorter one")
  func patterns() {
    let knobs = ScenarioKnobs(images: [
      "registry/*": ImageBehaviour(pullSeconds: 1),
      "registry/web:*": ImageBehaviour(pullSeconds: 2),
      "registry/web:2.0": ImageBehaviour(pullSeconds: 3),
    ])
    #expect(knobs.behaviour(forImage: "registry/web:2.0").pullSeconds == 3)
    #expect(knobs.behaviour(forImage: "registry/web:2.1").pullSeconds == 2)
    #expect(knobs.behaviour(forImage: "registry/api:1").pullSeconds == 1)
    #expect(knobs.behaviour(forImage: "other/web:2.0") == ImageBehaviour())
  }

  @Test("durations are seconds or Go duration text (time.ParseDuration)")
  func durations() {
    #expect(ScenarioDuration.seconds(parsing: "90s") == 90)
    #expect(ScenarioDuration.seconds(parsing: "5m") == 300)
    #expect(ScenarioDuration.seconds(parsing: "1m30s") == 90)
    #expect(ScenarioDuration.seconds(parsing: "1.5h") == 5400)
    #expect(ScenarioDuration.seconds(parsing: "250ms") == 0.25)
    #expect(ScenarioDuration.seconds(parsing: "0") == 0)
    #expect(ScenarioDuration.seconds(parsing: "90") == nil)
    #expect(ScenarioDuration.seconds(parsing: "-5s") == nil)
    #expect(ScenarioDuration.seconds(parsing: "5 m") == nil)
    #expect(ScenarioDuration.seconds(parsing: "") == nil)
  }

  @Test("an unknown key is an error at its pointer")
  func unknownKey() {
    let problem = error("images:\n  \"registry/web:2.0\": {neverready: true}\n")
    #expect(problem?.code == "simulate.scenario-invalid")
    #expect(
      problem?.pointer
        == JSONPointer(tokens: [.key("images"), .key("registry/web:2.0"), .key("neverready")]))
    #expect(problem?.pointer.description == "/images/registry~1web:2.0/neverready")
    #expect(problem?.location == SourceLocation(file: "scenario.yaml", line: 2, column: 24))
    #expect(error("kubelet: {pullSeconds: 5}")?.pointer == "/kubelet/pullSeconds")
    #expect(error("images: {}\nretries: 3")?.pointer == "/retries")
  }

  @Test("a wrong type is an error at its pointer")
  func wrongTypes() {
    #expect(
      error("images:\n  \"registry/web:2.0\": {neverReady: yes please}")?.pointer
        == JSONPointer(tokens: [.key("images"), .key("registry/web:2.0"), .key("neverReady")]))
    #expect(error("images: {a: {exitCode: 1.5}}")?.pointer == "/images/a/exitCode")
    #expect(error("images: {a: {exitCode: 300}}")?.pointer == "/images/a/exitCode")
    #expect(error("images: {a: {startSeconds: soon}}")?.pointer == "/images/a/startSeconds")
    #expect(error("images: {a: {startSeconds: -1}}")?.pointer == "/images/a/startSeconds")
    #expect(error("images: {a: null}")?.pointer == "/images/a")
    #expect(error("images: [a]")?.pointer == "/images")
    #expect(error("faults: {type: drain}")?.pointer == "/faults")
    #expect(error("seed: -1")?.pointer == "/seed")
    #expect(error("- 1")?.pointer == .root)
  }

  @Test("faults need a known type, a node and a time")
  func faultErrors() {
    #expect(error("faults: [{type: reboot, node: w1, at: 1}]")?.pointer == "/faults/0/type")
    #expect(error("faults: [{type: drain, at: 1}]")?.pointer == "/faults/0/node")
    #expect(error("faults: [{type: drain, node: w1}]")?.pointer == "/faults/0/at")
    #expect(error("faults: [{type: drain, node: w1, at: 1, when: 2}]")?.pointer == "/faults/0/when")
    // YAML 1.1 reads an unquoted n as false: a node so named must be quoted.
    #expect(error("faults: [{type: drain, node: n, at: 1}]")?.pointer == "/faults/0/node")
  }

  @Test("a star anywhere but at the end of an image key is an error")
  func badPattern() {
    #expect(error("images: {\"registry/*/web\": {}}")?.pointer == "/images/registry~1*~1web")
  }

  @Test("broken YAML, duplicate keys and several documents are errors with a position")
  func unreadable() {
    let broken = error("images: {a: [}")
    #expect(broken?.code == "simulate.scenario-invalid")
    #expect(broken?.pointer == .root)
    #expect(broken?.location?.line == 1)
    #expect(error("seed: 1\nseed: 2")?.location?.line == 2)
    #expect(error("seed: 1\n---\nseed: 2")?.location?.line == 2)
  }
}
