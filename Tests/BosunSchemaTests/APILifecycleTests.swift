import BosunCore
import Testing

@testable import BosunSchema

@Suite("Removed and deprecated APIs")
struct APILifecycleTests {
  let catalog: SchemaCatalog
  let validator: SchemaValidator

  init() throws {
    catalog = try SchemaCatalog.bundled()
    validator = SchemaValidator(catalog: catalog)
  }

  static let hpa = """
    apiVersion: autoscaling/v2beta2
    kind: HorizontalPodAutoscaler
    metadata: {name: web}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
      maxReplicas: 5
    """

  @Test("autoscaling/v2beta2 HorizontalPodAutoscaler checked for 1.29 was removed in 1.26")
  func removedHPA() throws {
    let verdict = validator.validate(document(Self.hpa), versions: [v(29)])
    #expect(verdict.codes == ["schema.removed-api /apiVersion"])
    let status = APILifecycle.status(
      apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler", catalog: catalog)
    #expect(status.removedIn == v(26))
    #expect(status.replacement(at: v(29), catalog: catalog) == "autoscaling/v2")
    #expect(verdict.findings.first?.message.contains("use autoscaling/v2") == true)
  }

  @Test(
    "the same HorizontalPodAutoscaler is valid but deprecated in 1.25, the last version serving it")
  func deprecatedHPA() {
    let verdict = validator.validate(document(Self.hpa), versions: [v(25), v(26)])
    #expect(
      verdict.codes == ["schema.deprecated-api /apiVersion", "schema.removed-api /apiVersion"])
    #expect(verdict.with("schema.deprecated-api").first?.versions == VersionSet([v(25)]))
    #expect(verdict.summary == "valid in 1.25; invalid in 1.26")
  }

  @Test("policy/v1beta1 PodDisruptionBudget is known from the deprecation guide as removed in 1.25")
  func removedPDB() throws {
    let verdict = validator.validate(
      document(
        """
        apiVersion: policy/v1beta1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec: {minAvailable: 1}
        """), versions: [v(25), v(31)])
    let finding = try #require(verdict.findings.first)
    #expect(verdict.codes == ["schema.removed-api /apiVersion"])
    #expect(finding.versions == VersionSet([v(25), v(31)]))
    let status = APILifecycle.status(
      apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", catalog: catalog)
    #expect(status.removedIn == v(25))
    #expect(status.replacement(at: v(31), catalog: catalog) == "policy/v1")
  }

  @Test("the hand-kept deprecation table agrees with the bundled schemas")
  func tableAgreesWithSchemas() {
    for entry in APILifecycle.table {
      let served = catalog.versions(apiVersion: entry.apiVersion, kind: entry.kind)
      let after = catalog.versions.versions.filter { $0 >= entry.removedIn }
      #expect(
        after.allSatisfy { !served.contains($0) }, "\(entry.apiVersion) \(entry.kind) still served")
      let last = KubernetesVersion(minor: entry.removedIn.minor - 1)
      if catalog.versions.contains(last) {
        #expect(served.contains(last), "\(entry.apiVersion) \(entry.kind) not served in \(last)")
      }
    }
  }

  @Test("will it be gone by the target version?")
  func willBeGone() {
    #expect(
      APILifecycle.willBeGone(
        apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kind: "FlowSchema", by: v(33),
        catalog: catalog))
    #expect(
      !APILifecycle.willBeGone(
        apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kind: "FlowSchema", by: v(31),
        catalog: catalog))
    #expect(
      !APILifecycle.willBeGone(
        apiVersion: "apps/v1", kind: "Deployment", by: v(37), catalog: catalog))
  }

  @Test("an upgrade check warns about APIs the target version no longer serves")
  func upgrade() throws {
    let finding = try #require(
      APILifecycle.upgradeFinding(
        apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kind: "PriorityLevelConfiguration",
        target: v(33), catalog: catalog))
    #expect(finding.code == "schema.removed-api")
    #expect(finding.severity == .warning)
    #expect(finding.pointer == "/apiVersion")
    #expect(
      APILifecycle.upgradeFinding(
        apiVersion: "batch/v1", kind: "CronJob", target: v(33), catalog: catalog) == nil)
  }

  @Test("an unknown kind in a Kubernetes group is an error, a custom one a warning")
  func unknownKinds() {
    let builtIn = validator.validate(
      document("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}\n"), versions: [v(31)])
    #expect(builtIn.codes == ["schema.unknown-kind /apiVersion"])
    #expect(builtIn.findings.first?.severity == .error)
    let custom = validator.validate(
      document("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: x}\n"), versions: [v(31)]
    )
    #expect(custom.codes == ["schema.unknown-kind /apiVersion"])
    #expect(custom.findings.first?.severity == .warning)
    let required = SchemaValidator(catalog: catalog, requireSchemas: true).validate(
      document("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: x}\n"), versions: [v(31)]
    )
    #expect(required.findings.first?.severity == .error)
  }
}
