import BosunCore
import BosunDiff
import BosunModel
import Testing

/// A snapshot recorded from the same manifests, with every server addition, is no change.
@Suite struct SnapshotRoundTripTests {
  @Test(arguments: [DiffOptions.LiveOnlyFields.keep, .report])
  func recordedShopIsUnchanged(liveOnlyFields: DiffOptions.LiveOnlyFields) throws {
    let desired = try Fixtures.manifests("shop")
    let snapshot = try Fixtures.snapshot("shop.yaml")
    #expect(snapshot.diagnostics.isEmpty)
    let result = Fixtures.differ(liveOnlyFields: liveOnlyFields).diff(
      desired: desired, snapshot: snapshot)
    let kinds = Set(result.objects.map(\.identity.kind))
    #expect(
      kinds == [
        "Namespace", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service",
        "Secret", "ConfigMap", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget",
        "Role", "RoleBinding", "CustomResourceDefinition", "Backup",
      ])
    #expect(result.objects.count == 20)
    for object in result.objects {
      #expect(object.status == .unchanged, "\(object.identity): \(object.changes)")
    }
    let hasChanges = result.hasChanges
    #expect(!hasChanges)
  }

  @Test func snapshotKeysObjectsByGroupKindNamespaceAndName() throws {
    let snapshot = try Fixtures.snapshot("shop.yaml")
    #expect(snapshot.objects.count == 20)
    let web = ObjectIdentity(
      group: "apps", version: "v1", kind: "Deployment", namespace: "shop", name: "web")
    #expect(snapshot[try #require(web.key)]?.identity.version == "v1")
    let crd = ObjectIdentity(
      group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
      namespace: nil, name: "backups.example.com")
    #expect(snapshot[try #require(crd.key)] != nil)
  }
}
