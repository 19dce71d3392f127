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

  func recorded(_ kind: String, group: String, version: String = "v1", name: String) throws
    -> Value
  {
    let identity = ObjectIdentity(
      group: group, version: version, kind: kind, namespace: "shop", name: name)
    let snapshot = try Fixtures.snapshot("shop.yaml")
    let key = try #require(identity.key)
    return try #require(snapshot[key]).node.toValue()
  }

  func diff(
    _ scenarioFile: String, liveOnlyFields: DiffOptions.LiveOnlyFields = .keep,
    _ edit: (String) -> String = { $0 }
  ) throws -> [ObjectDiff] {
    let text = edit(try Fixtures.text("shop", scenarioFile))
    return Fixtures.differ(liveOnlyFields: liveOnlyFields).diff(
      desired: Fixtures.manifests(yaml: text, file: "shop/\(scenarioFile)"),
      snapshot: try Fixtures.snapshot("shop.yaml")
    ).objects
  }

  // autoscaling/v2 defaults.go GenerateHPAScaleUpRules/GenerateHPAScaleDownRules: the recording
  // holds both rules as the server filled them in; the manifest gives one scaleDown field.
  @Test(arguments: [DiffOptions.LiveOnlyFields.keep, .report])
  func serverFilledScalingRulesAreNoChange(liveOnlyFields: DiffOptions.LiveOnlyFields) throws {
    let live = try recorded(
      "HorizontalPodAutoscaler", group: "autoscaling", version: "v2", name: "web")
    #expect(live.value(at: "/spec/behavior/scaleUp/policies/1/type") == .string("Percent"))
    #expect(try Fixtures.text("shop", "edge.yaml").contains("scaleUp") == false)
    let objects = try diff("edge.yaml", liveOnlyFields: liveOnlyFields)
    #expect(objects.count == 3)
    for object in objects {
      #expect(object.status == .unchanged, "\(object.identity): \(object.changes)")
    }
  }

  @Test func changedStabilizationWindowIsOneChange() throws {
    let objects = try diff("edge.yaml", liveOnlyFields: .report) {
      $0.replacingOccurrences(
        of: "stabilizationWindowSeconds: 120", with: "stabilizationWindowSeconds: 60")
    }
    let hpa = try #require(objects.first { $0.identity.kind == "HorizontalPodAutoscaler" })
    #expect(hpa.changes.map(\.pointer) == ["/spec/behavior/scaleDown/stabilizationWindowSeconds"])
    #expect(hpa.changes.first?.before == .int(120))
    #expect(hpa.changes.first?.after == .int(60))
  }

  // apiextensions-apiserver schema/defaulting algorithm.go: the recorded Backup carries the
  // defaults of its schema (`spec.compression`, `spec.targets[].mode`); the manifest omits them.
  @Test(arguments: [DiffOptions.LiveOnlyFields.keep, .report])
  func schemaDefaultsOfACustomResourceAreNoChange(liveOnlyFields: DiffOptions.LiveOnlyFields)
    throws
  {
    let live = try recorded("Backup", group: "example.com", name: "nightly")
    #expect(live.value(at: "/spec/compression") == .string("gzip"))
    #expect(live.value(at: "/spec/targets/1/mode") == .string("full"))
    #expect(try Fixtures.text("shop", "backups.yaml").contains("compression: gzip") == false)
    let objects = try diff("backups.yaml", liveOnlyFields: liveOnlyFields)
    #expect(objects.map(\.identity.kind) == ["CustomResourceDefinition", "Backup"])
    for object in objects {
      #expect(object.status == .unchanged, "\(object.identity): \(object.changes)")
    }
  }

  @Test func changedCustomResourceValueIsOneChange() throws {
    let objects = try diff("backups.yaml", liveOnlyFields: .report) {
      $0.replacingOccurrences(
        of: "  retainDays: 14\n", with: "  retainDays: 14\n  compression: zstd\n")
    }
    let backup = try #require(objects.first { $0.identity.kind == "Backup" })
    #expect(backup.changes.map(\.pointer) == ["/spec/compression"])
    #expect(backup.changes.first?.before == .string("gzip"))
    #expect(backup.changes.first?.after == .string("zstd"))
  }

  // algorithm.go: the item default applies to each item, so a new target is added with it.
  @Test func aNewListItemGetsTheItemDefault() throws {
    let objects = try diff("backups.yaml") {
      $0.replacingOccurrences(
        of: "      database: users\n",
        with: "      database: users\n    - name: logs\n      database: logs\n")
    }
    let backup = try #require(objects.first { $0.identity.kind == "Backup" })
    #expect(backup.changes.map(\.kind) == [.added])
    #expect(backup.changes.first?.after?["mode"] == .string("full"))
  }
}
