import BosunCore
import Testing

@testable import BosunModel

@Suite("Deployment")
struct DeploymentTests {
  @Test("reads replicas, selector, strategy and rollout settings")
  func reads() throws {
    let (deployment, issues) = Deployment.decode(
      yaml(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 4
          selector:
            matchLabels: {app: web}
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
          minReadySeconds: 10
          progressDeadlineSeconds: 300
          revisionHistoryLimit: 3
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - {name: a, image: a:1}
              - {name: b, image: b:1}
              - {name: c, image: c:1}
        """))
    #expect(issues.isEmpty)
    #expect(deployment.replicas == 4)
    #expect(deployment.strategy.maxSurge == .string("25%"))
    #expect(deployment.strategy.maxUnavailable == .int(0))
    #expect(deployment.strategy.pointer == "/spec/strategy")
    #expect(deployment.minReadySeconds == 10)
    #expect(deployment.progressDeadlineSeconds == 300)
    #expect(deployment.revisionHistoryLimit == 3)
    let selector = try #require(deployment.selector)
    #expect(selector.matches(deployment.template.metadata.labels))
    #expect(deployment.template.spec.containers[2].pointer == "/spec/template/spec/containers/2")
  }

  @Test("replicas: three is a positioned issue, not a silent default")
  func replicasThree() {
    let (deployment, issues) = Deployment.decode(
      yaml(
        """
        spec:
          replicas: three
          strategy: Recreate
          selector: app=web
        """))
    #expect(deployment.replicas == nil)
    #expect(deployment.selector == nil)
    #expect(
      issues.map { "\($0.code) \($0.pointer)" } == [
        "object.field-type /spec/replicas",
        "object.field-type /spec/selector",
        "object.field-type /spec/strategy",
      ])
    #expect(issues[0].message == "`replicas` must be an integer, found the string \"three\"")
  }

  @Test("a missing selector is nil, an empty one is empty")
  func selectors() {
    #expect(Deployment.decode(yaml("spec: {}")).0.selector == nil)
    #expect(Deployment.decode(yaml("spec: {selector: {}}")).0.selector?.isEmpty == true)
  }
}
