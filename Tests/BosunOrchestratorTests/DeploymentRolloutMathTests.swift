import BosunModel
import BosunYAML
import Testing

@testable import BosunOrchestrator

@Suite("Deployment rollout math")
struct DeploymentRolloutMathTests {
  private func fenceposts(_ surge: IntOrString?, _ unavailable: IntOrString?, _ replicas: Int)
    throws -> [Int]
  {
    let resolved = try DeploymentRolloutMath.resolveFenceposts(
      maxSurge: surge, maxUnavailable: unavailable, replicas: replicas)
    return [resolved.surge, resolved.unavailable]
  }

  @Test(
    "25%/25% of 10: surge rounds up to 3, unavailable down to 2 (deployment_util.go ResolveFenceposts)"
  )
  func defaultBounds() throws {
    #expect(try fenceposts(.string("25%"), .string("25%"), 10) == [3, 2])
  }

  @Test(
    "1%/1% of 10 is surge 1, unavailable 0: 0.1 rounds up for surge (deployment_util_test.go TestResolveFenceposts)"
  )
  func onePercentOfTen() throws {
    #expect(try fenceposts(.string("1%"), .string("1%"), 10) == [1, 0])
    #expect(try fenceposts(.string("39%"), .string("39%"), 10) == [4, 3])
  }

  @Test(
    "0%/1% of 10 rounds to 0/0, so unavailable becomes 1 (deployment_util.go ResolveFenceposts)")
  func bothRoundToZero() throws {
    #expect(try fenceposts(.string("0%"), .string("1%"), 10) == [0, 1])
    #expect(try fenceposts(nil, nil, 10) == [0, 1])
  }

  @Test(
    "a Deployment's maxUnavailable 30% of 5 rounds down to 1 (deployment_util.go ResolveFenceposts)"
  )
  func thirtyPercentOfFive() throws {
    #expect(try fenceposts(.string("0%"), .string("30%"), 5) == [0, 1])
  }

  @Test(
    "explicit 0/0 on zero replicas: fenceposts give 1, MaxUnavailable gives 0 (deployment_util.go MaxUnavailable)"
  )
  func zeroReplicas() throws {
    #expect(try fenceposts(.int(0), .int(0), 0) == [0, 1])
    let deployment = DeploymentSummary(
      replicas: 0, strategy: .rollingUpdate(maxSurge: .int(0), maxUnavailable: .int(0)))
    #expect(try DeploymentRolloutMath.maxUnavailable(of: deployment) == 0)
  }

  @Test(
    "maxUnavailable is capped at the replicas; Recreate has neither surge nor unavailable (deployment_util.go MaxUnavailable, MaxSurge)"
  )
  func caps() throws {
    let rolling = DeploymentSummary(
      replicas: 3, strategy: .rollingUpdate(maxSurge: .int(5), maxUnavailable: .int(5)))
    #expect(try DeploymentRolloutMath.maxUnavailable(of: rolling) == 3)
    #expect(try DeploymentRolloutMath.maxSurge(of: rolling) == 5)
    let recreate = DeploymentSummary(replicas: 3, strategy: .recreate)
    #expect(try DeploymentRolloutMath.maxUnavailable(of: recreate) == 0)
    #expect(try DeploymentRolloutMath.maxSurge(of: recreate) == 0)
  }

  @Test("a bound without % is an error, as GetScaledValueFromIntOrPercent says")
  func unreadableBound() {
    #expect(throws: IntOrString.ScalingError.notAPercentage("3")) {
      try DeploymentRolloutMath.resolveFenceposts(
        maxSurge: .string("3"), maxUnavailable: nil, replicas: 10)
    }
  }

  @Test(
    "the new ReplicaSet grows by what R+surge leaves, never past R (deployment_util.go NewRSNewReplicas)"
  )
  func newReplicaSetGrowth() {
    #expect(
      DeploymentRolloutMath.newReplicaSetReplicas(
        replicas: 10, surge: 3, totalSpecReplicas: 10, newSpecReplicas: 0) == 3)
    #expect(
      DeploymentRolloutMath.newReplicaSetReplicas(
        replicas: 10, surge: 3, totalSpecReplicas: 13, newSpecReplicas: 3) == 3)
    #expect(
      DeploymentRolloutMath.newReplicaSetReplicas(
        replicas: 10, surge: 3, totalSpecReplicas: 10, newSpecReplicas: 8) == 10)
  }

  @Test(
    "13 pods, minAvailable 8, 5 new unavailable: nothing may go (rolling.go reconcileOldReplicaSets)"
  )
  func maxScaledDown() {
    #expect(
      DeploymentRolloutMath.maxScaledDown(
        totalSpecReplicas: 13, minAvailable: 8, newSpecReplicas: 5, newAvailableReplicas: 0) == 0)
    #expect(
      DeploymentRolloutMath.maxScaledDown(
        totalSpecReplicas: 13, minAvailable: 8, newSpecReplicas: 3, newAvailableReplicas: 0) == 2)
  }

  @Test(
    "unhealthy old replicas go first, oldest ReplicaSet first, within the budget (rolling.go cleanupUnhealthyReplicas)"
  )
  func unhealthyFirst() {
    let older = ReplicaSetSummary(
      id: 1, revision: 1, specReplicas: 4, replicas: 4, readyReplicas: 1, availableReplicas: 1,
      createdAt: 0, isNew: false)
    let younger = ReplicaSetSummary(
      id: 2, revision: 2, specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0,
      createdAt: 10, isNew: false)
    let result = DeploymentRolloutMath.cleanupUnhealthyReplicas([younger, older], limit: 4)
    #expect(result.scaledDown == 4)
    #expect(result.replicaSets.map(\.specReplicas) == [1, 2])
  }

  @Test(
    "old ReplicaSets shrink oldest first by the availability above minAvailable (rolling.go scaleDownOldReplicaSetsForRollingUpdate)"
  )
  func scaleDownOldestFirst() {
    let older = ReplicaSetSummary(
      id: 1, revision: 1, specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2,
      createdAt: 0, isNew: false)
    let younger = ReplicaSetSummary(
      id: 2, revision: 2, specReplicas: 5, replicas: 5, readyReplicas: 5, availableReplicas: 5,
      createdAt: 10, isNew: false)
    let result = DeploymentRolloutMath.scaleDownOldReplicaSetsForRollingUpdate(
      allReplicaSets: [older, younger], oldReplicaSets: [younger, older], minAvailable: 4)
    #expect(result.scaledDown == 3)
    #expect(result.replicaSets.map(\.specReplicas) == [0, 4])
  }

  @Test(
    "a manifest reads with the API server's defaults (apps/v1 defaults.go SetDefaults_Deployment)")
  func summaryDefaults() throws {
    let yaml = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        strategy: {rollingUpdate: {maxSurge: 0}}
        template: {spec: {containers: [{name: app, image: app}]}}
      """
    let root = try #require(
      YAMLParser.parse(Array(yaml.utf8), file: "d.yaml").documents.first?.root)
    let summary = DeploymentSummary(Deployment.decode(root).0)
    #expect(summary.replicas == 1)
    #expect(summary.strategy == .rollingUpdate(maxSurge: .int(0), maxUnavailable: .string("25%")))
    #expect(summary.progressDeadlineSeconds == 600)
    #expect(summary.revisionHistoryLimit == 10)
    #expect(summary.minReadySeconds == 0)
    #expect(!summary.paused)
  }
}
