import BosunCore
import BosunModel
import BosunYAML
import Testing

@testable import BosunRules

/// Behaviour of individual catalogue rules beyond their examples.
@Suite struct CatalogueRuleTests {
  func findings(_ rule: any Rule.Type, _ manifest: String, options: [String: Value] = [:])
    -> [(key: CatalogueRunner.Key, message: String)]
  {
    CatalogueRunner.run(rule, on: .passing(manifest, options: options))
  }

  @Test func literalCredentialValuesNeverAppearInMessages() {
    let result = findings(
      LiteralCredentialsRule.self,
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
          - name: web
            image: example/web:1.0
            env: [{name: ADMIN_PASSWORD, value: correct-horse-battery}]
      """)
    #expect(result.count == 1)
    #expect(result.allSatisfy { !$0.message.contains("correct-horse-battery") })
    #expect(result.first?.message.contains("ADMIN_PASSWORD") == true)
  }

  @Test func podSecurityNamesEachFailedControl() {
    let result = findings(
      PodSecurityRule.self,
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        hostNetwork: true
        containers: [{name: web, image: "nginx:1.27"}]
      """, options: ["level": .string("restricted")])
    let messages = result.map(\.message).joined(separator: "\n")
    for control in [
      "Host Namespaces", "Privilege Escalation", "Running as Non-root", "Seccomp", "Capabilities",
    ] {
      #expect(messages.contains(control), "missing control \(control)")
    }
    // Controls failing at the same field (here the container, which has no securityContext)
    // share one finding.
    #expect(result.count == 2)
  }

  @Test func baselineAcceptsTheDefaultPod() {
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: web, image: "nginx:1.27", securityContext: {capabilities: {add: [CHOWN]}}}]
      """
    #expect(findings(PodSecurityRule.self, manifest).isEmpty)
  }

  @Test(
    arguments: [
      ("nginx", "docker.io", "library/nginx", nil, nil),
      ("nginx:1.27", "docker.io", "library/nginx", "1.27", nil),
      ("team/app:2", "docker.io", "team/app", "2", nil),
      ("localhost:5000/app", "localhost:5000", "app", nil, nil),
      (
        "registry.example.com:5000/team/app:1.0@sha256:abc", "registry.example.com:5000",
        "team/app", "1.0", "sha256:abc"
      ),
    ] as [(String, String, String, String?, String?)])
  func imageReferencesSplitLikeTheRuntime(
    text: String, registry: String, repository: String, tag: String?, digest: String?
  ) {
    let image = ImageReference(text)
    #expect(image.registry == registry)
    #expect(image.repository == repository)
    #expect(image.tag == tag)
    #expect(image.digest == digest)
  }

  @Test func runnerReportsMismatchedPointers() {
    // A failing example checked against the wrong rule yields no finding, so the runner's
    // comparison is not vacuous.
    let example = LatestTagRule.description.examples.first { !$0.expected.isEmpty }!
    #expect(!CatalogueRunner.run(LatestTagRule.self, on: example).isEmpty)
    #expect(
      CatalogueRunner.run(
        DigestPinningRule.self, on: .passing("kind: Namespace\napiVersion: v1\nmetadata: {name: x}")
      ).isEmpty)
  }
}

/// Pod Security Standards exceptions that upstream makes for user namespaces and Windows.
@Suite struct CataloguePodSecurityExceptionTests {
  func pointers(_ manifest: String, level: String) -> [String] {
    CatalogueRunner.run(
      PodSecurityRule.self, on: .passing(manifest, options: ["level": .string(level)])
    ).map(\.key.pointer).sorted()
  }

  @Test func userNamespacePodsMayRunAsRootAndUnmaskProcAtBaseline() {
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        hostUsers: false
        securityContext: {seccompProfile: {type: RuntimeDefault}, runAsUser: 0}
        containers:
          - name: web
            image: nginx:1.27
            securityContext:
              procMount: Unmasked
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
      """
    #expect(pointers(manifest, level: "baseline") == [])
    #expect(
      pointers(manifest, level: "restricted") == ["/spec/containers/0/securityContext/procMount"])
  }

  @Test func windowsPodsSkipLinuxOnlyRestrictedControls() {
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        os: {name: windows}
        securityContext: {runAsNonRoot: true}
        containers: [{name: web, image: "example/web:1.0"}]
      """
    #expect(pointers(manifest, level: "restricted") == [])
  }

  @Test func emptyAppArmorAnnotationIsAllowed() {
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations: {container.apparmor.security.beta.kubernetes.io/web: ""}
      spec:
        containers: [{name: web, image: "nginx:1.27"}]
      """
    #expect(pointers(manifest, level: "baseline") == [])
  }
}

/// Defaults that decide whether a finding exists.
@Suite struct CatalogueDefaultsTests {
  func pointers(_ rule: any Rule.Type, _ manifest: String) -> [String] {
    CatalogueRunner.run(rule, on: .passing(manifest)).map(\.key.pointer).sorted()
  }

  @Test func daemonSetSurgeDefaultsToZero() {
    // apps/v1 defaults a DaemonSet's maxSurge to 0, so maxUnavailable 0 alone blocks rollouts;
    // a Deployment's maxSurge defaults to 25%.
    let daemonSet = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        updateStrategy: {rollingUpdate: {maxUnavailable: 0}}
      """
    #expect(pointers(RollingUpdateRule.self, daemonSet) == ["/spec/updateStrategy/rollingUpdate"])
    let deployment = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        strategy: {rollingUpdate: {maxUnavailable: 0}}
      """
    #expect(pointers(RollingUpdateRule.self, deployment) == [])
  }

  @Test func probeTimingUsesUpstreamDefaults() {
    // timeoutSeconds defaults to 1 and periodSeconds to 10.
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
          - name: web
            image: nginx:1.27
            readinessProbe: {tcpSocket: {port: 80}, timeoutSeconds: 9}
            livenessProbe: {tcpSocket: {port: 80}, periodSeconds: 2}
      """
    #expect(pointers(ProbeTimingRule.self, manifest) == [])
  }

  @Test func aLimitAloneMakesRequestsEqual() {
    // A request left out defaults to the limit, so the pod is still Guaranteed.
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
          - name: web
            image: nginx:1.27
            resources: {limits: {cpu: 500m, memory: 256Mi}}
      """
    #expect(pointers(RequestsEqualLimitsRule.self, manifest) == [])
  }
}
