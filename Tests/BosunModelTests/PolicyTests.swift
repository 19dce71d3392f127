import BosunCore
import Testing

@testable import BosunModel

/// HorizontalPodAutoscaler, PodDisruptionBudget and NetworkPolicy views.
@Suite("Autoscaling and policies")
struct PolicyTests {
  @Test("HPA v2 reads target, bounds and metrics")
  func hpaV2() {
    let (hpa, issues) = HorizontalPodAutoscaler.decode(
      yaml(
        """
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 10
          metrics:
          - type: Resource
            resource:
              name: cpu
              target: {type: Utilization, averageUtilization: 60}
          - type: Pods
            pods:
              metric: {name: requests_per_second}
              target: {type: AverageValue, averageValue: 1k}
        """))
    #expect(issues.isEmpty)
    #expect(hpa.scaleTargetRef.kind == "Deployment")
    #expect(hpa.scaleTargetRef.name == "web")
    #expect(hpa.minReplicas == 2)
    #expect(hpa.maxReplicas == 10)
    #expect(hpa.metrics.map(\.name) == ["cpu", "requests_per_second"])
    #expect(hpa.metrics[0].averageUtilization == 60)
    #expect(hpa.metrics[1].averageValue?.value == 1000)
    #expect(hpa.metrics[1].pointer == "/spec/metrics/1")
  }

  @Test("HPA v1's CPU target becomes a Resource metric")
  func hpaV1() {
    let hpa = HorizontalPodAutoscaler.decode(
      yaml("spec: {maxReplicas: 3, targetCPUUtilizationPercentage: 80}")
    ).0
    #expect(hpa.metrics.map(\.averageUtilization) == [80])
    #expect(hpa.metrics.first?.pointer == "/spec/targetCPUUtilizationPercentage")
  }

  @Test("PDB reads minAvailable or maxUnavailable and its selector")
  func pdb() {
    let pdb = PodDisruptionBudget.decode(
      yaml("spec: {minAvailable: 50%, selector: {matchLabels: {app: web}}}")
    ).0
    #expect(pdb.minAvailable == .string("50%"))
    #expect(pdb.maxUnavailable == nil)
    #expect(pdb.selector?.pointer == "/spec/selector")
    #expect(LabelSelector.matches(pdb.selector, ["app": "web"]))
  }

  @Test("NetworkPolicy reads its pod selector and rules")
  func networkPolicy() {
    let policy = NetworkPolicy.decode(
      yaml(
        """
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress:
          - from:
            - namespaceSelector: {matchLabels: {team: a}}
            - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
            ports: [{port: 8080}, {protocol: UDP, port: dns}]
          egress: []
        """)
    ).0
    #expect(policy.podSelector?.isEmpty == true)
    #expect(policy.policyTypes == ["Ingress", "Egress"])
    #expect(policy.ingress[0].peers[1].ipBlockCIDR == "10.0.0.0/8")
    #expect(policy.ingress[0].peers[0].pointer == "/spec/ingress/0/from/0")
    #expect(policy.ingress[0].ports.map(\.port) == [.int(8080), .string("dns")])
    #expect(policy.egress.isEmpty)
  }
}
