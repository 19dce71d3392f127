import BosunCore
import Foundation
import Testing

@testable import BosunSchema

@Suite("The bundled schema catalogue")
struct SchemaCatalogTests {
  let catalog: SchemaCatalog

  init() throws { catalog = try SchemaCatalog.bundled() }

  @Test("bundles every version from 1.25 to 1.37")
  func bundledVersions() {
    #expect(catalog.bundledVersions.first == KubernetesVersion(minor: 25))
    #expect(catalog.newestVersion == KubernetesVersion(minor: 37))
    #expect(catalog.versions.description == "1.25–1.37")
  }

  @Test("knows in which versions an apiVersion and kind is served")
  func servedVersions() {
    #expect(catalog.versions(apiVersion: "apps/v1", kind: "Deployment").description == "1.25–1.37")
    #expect(
      catalog.versions(apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler")
        .description == "1.25")
    #expect(catalog.versions(apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget").isEmpty)
  }

  @Test("a field added in a later version records when it appeared")
  func fieldVersions() throws {
    let container = try #require(catalog.definition(named: "io.k8s.api.core.v1.Container"))
    let node = try #require(container.node(for: KubernetesVersion(minor: 37)))
    let restartPolicy = try #require(node.properties["restartPolicy"])
    #expect(restartPolicy.versions(within: catalog.versions).description == "1.28–1.37")
  }

  @Test("exposes list-map keys and patch merge keys for the diff")
  func mergeKeys() {
    let v131 = KubernetesVersion(minor: 31)
    #expect(
      catalog.listMapKeys(
        apiVersion: "apps/v1", kind: "Deployment", pointer: "/spec/template/spec/containers",
        version: v131) == ["name"])
    #expect(
      catalog.listMapKeys(
        apiVersion: "apps/v1", kind: "Deployment",
        pointer: "/spec/template/spec/containers/0/ports", version: v131)
        == ["containerPort", "protocol"])
    let env = catalog.patchMerge(
      apiVersion: "v1", kind: "Pod", pointer: "/spec/containers/-/env", version: v131)
    #expect(env.key == "name")
    #expect(env.strategy == "merge")
  }

  @Test("reading the catalogue and checking one Deployment, cold, takes well under 50 ms")
  func loadCost() throws {
    let root = document(SchemaValidatorTests.deployment)
    let start = Date()
    let fresh = try SchemaCatalog(data: Data(EmbeddedCatalog.text.utf8))
    let loaded = Date()
    let verdict = SchemaValidator(catalog: fresh).validate(root, versions: [fresh.newestVersion])
    let done = Date()
    #expect(verdict.findings.isEmpty)
    let all = SchemaValidator(catalog: fresh).validate(root, versions: fresh.bundledVersions)
    let allDone = Date()
    #expect(all.findings.isEmpty)
    print(
      "catalogue header: \(Int(loaded.timeIntervalSince(start) * 1000)) ms, "
        + "first Deployment: \(Int(done.timeIntervalSince(loaded) * 1000)) ms, "
        + "then all 13 versions: \(Int(allDone.timeIntervalSince(done) * 1000)) ms")
    #expect(done.timeIntervalSince(start) < 0.05)
  }
}
