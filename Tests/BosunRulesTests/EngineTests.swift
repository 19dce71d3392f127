import BosunCore
import BosunRules
import Testing

/// The engine positions findings, applies configuration and is deterministic.
@Suite struct EngineTests {
  static let manifests = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: agent
      namespace: kube-system
    spec:
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
            - name: agent
              image: agent:1
              envFrom:
                - secretRef: {name: agent-token}
            - name: sidecar
              image: proxy:1
              envFrom:
                - secretRef: {name: proxy-token}
    """

  @Test func findingsCarryCodePositionObjectAndSeverity() throws {
    let checked = Checked(Self.manifests, configuration: only("secret-reference"))
    #expect(
      checked.summary == [
        "secret-reference /spec/template/spec/containers/0/envFrom/0/secretRef/name 17:27",
        "secret-reference /spec/template/spec/containers/1/envFrom/0/secretRef/name 21:27",
      ])
    let first = try #require(checked.diagnostics.first)
    #expect(first.severity == .warning)
    #expect(first.object?.description == "Deployment/kube-system/agent")
    #expect(first.location?.file == "manifest.yaml")
  }

  @Test func configuredSeverityWins() {
    var configuration = only("secret-reference")
    configuration.rules["secret-reference"]?.severity = .info
    let checked = Checked(Self.manifests, configuration: configuration)
    #expect(checked.diagnostics.map(\.severity) == [.info, .info])
  }

  @Test func exemptionByContainerLeavesTheOthers() {
    var configuration = only("secret-reference")
    configuration.exemptions = [
      Exemption(rules: ["secret-reference"], namespace: "kube-*", container: "sidecar")
    ]
    #expect(
      Checked(Self.manifests, configuration: configuration).summary == [
        "secret-reference /spec/template/spec/containers/0/envFrom/0/secretRef/name 17:27"
      ])
    configuration.exemptions = [Exemption(kind: "Deployment", name: "agent")]
    #expect(Checked(Self.manifests, configuration: configuration).summary == [])
    configuration.exemptions = [Exemption(kind: "Deployment", name: "other")]
    #expect(Checked(Self.manifests, configuration: configuration).summary.count == 2)
  }

  @Test func externalNamesCountAsPresent() {
    var configuration = only("secret-reference")
    configuration.externalNames = ExternalNames([
      "Secret": ["kube-system/agent-token", "proxy-token"]
    ])
    #expect(Checked(Self.manifests, configuration: configuration).summary == [])
  }

  @Test func ignoredPathsAreNotCheckedButStillCount() {
    var configuration = only("secret-reference")
    configuration.ignore = ["*.yaml"]
    #expect(
      Checked(Self.manifests, file: "deploy/agent.yaml", configuration: configuration).summary == []
    )
    configuration.ignore = ["vendor/*"]
    #expect(
      Checked(Self.manifests, file: "deploy/agent.yaml", configuration: configuration).summary.count
        == 2)
  }

  @Test func optInRulesRunOnlyWhenEnabled() {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
    #expect(Checked(text).codes == [])
    var configuration = RuleConfiguration()
    configuration.setEnabled(true, rule: "default-namespace")
    #expect(Checked(text, configuration: configuration).codes == ["default-namespace"])
  }

  @Test func outputIsDeterministicAndOrdered() {
    let text =
      Self.manifests + "\n---\n" + Self.manifests.replacingOccurrences(of: "agent", with: "bgent")
    let first = Checked(text).diagnostics
    #expect(first == Checked(text).diagnostics)
    #expect(first == first.sorted(by: RuleEngine.outputOrder))
  }
}

extension EngineTests {
  @Test func externalServicesSatisfyIngressAndStatefulSetReferences() {
    let text = """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: shop}
      spec:
        defaultBackend:
          service: {name: legacy, port: {number: 80}}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db}
      spec:
        serviceName: db-peers
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec:
            containers: [{name: db, image: "postgres:17"}]
      """
    let rules = only("ingress-backend", "statefulset-headless-service")
    #expect(
      Checked(text, configuration: rules).summary == [
        "ingress-backend /spec/defaultBackend/service/name 6:15",
        "statefulset-headless-service /spec/serviceName 12:3",
      ])
    var configuration = rules
    configuration.externalNames = ExternalNames(["Service": ["legacy", "default/db-peers"]])
    #expect(Checked(text, configuration: configuration).summary == [])
  }
}
