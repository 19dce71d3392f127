import BosunCore
import BosunDiff
import BosunModel
import BosunYAML
import Testing

/// Recordings as `kubectl get -o json`, several files, and objects left out of the manifests.
@Suite struct SnapshotReaderTests {
  @Test func jsonRecordingReadsLikeYAML() throws {
    let json = try Fixtures.snapshot("shop-config.json")
    #expect(json.diagnostics.isEmpty)
    #expect(json.objects.count == 4)
    let desired =
      Fixtures.manifests(yaml: try Fixtures.text("shop", "config.yaml"))
      + Fixtures.manifests(yaml: try Fixtures.text("shop", "rbac.yaml"))
    let result = Fixtures.differ().diff(desired: desired, snapshot: json)
    #expect(result.objects.map(\.status) == Array(repeating: .unchanged, count: 4))
  }

  @Test func severalRecordingsMergeAndIdenticalRepeatsAreQuiet() throws {
    let both = Snapshot(
      files: [
        (name: "a.yaml", bytes: Array(try Fixtures.rawSnapshot("shop.yaml").utf8)),
        (name: "b.json", bytes: Array(try Fixtures.rawSnapshot("shop-config.json").utf8)),
      ])
    #expect(both.objects.count == 20)
    #expect(both.diagnostics.isEmpty)
  }

  @Test func emptyRecordingIsAnError() {
    let snapshot = Snapshot(files: [(name: "empty.yaml", bytes: Array("# nothing\n".utf8))])
    #expect(snapshot.diagnostics.map(\.code) == ["snapshot.empty"])
    #expect(snapshot.hasErrors)
  }

  @Test func withoutLastAppliedARemovedFieldIsKeptUnlessDriftIsReported() throws {
    // The StatefulSet was not applied with kubectl apply: no last-applied-configuration.
    let text = try Fixtures.text("shop", "db.yaml").replacingOccurrences(
      of: "  replicas: 2\n", with: "")
    let desired = Fixtures.manifests(yaml: text)
    let snapshot = try Fixtures.snapshot("shop.yaml")
    let kept = Fixtures.differ().diff(desired: desired, snapshot: snapshot)
    #expect(kept.objects.first?.status == .unchanged)
    #expect(kept.objects.first?.isThreeWay == false)
    // Reported as drift, the field falls back to its default of 1.
    let drift = Fixtures.differ(liveOnlyFields: .report).diff(desired: desired, snapshot: snapshot)
    #expect(drift.objects.first?.changes.map(\.pointer) == ["/spec/replicas"])
    #expect(drift.objects.first?.changes.first?.after == .int(1))
  }

  @Test func appliedObjectsMissingFromTheManifestsAreRemovedOnlyWhenAsked() throws {
    let desired = Fixtures.manifests(yaml: try Fixtures.text("shop", "web.yaml"))
    let snapshot = try Fixtures.snapshot("shop.yaml")
    var options = Fixtures.differ().options
    #expect(Fixtures.differ().diff(desired: desired, snapshot: snapshot).objects.count == 1)
    options.removedObjects = .applied
    let result = ManifestDiffer(options: options, catalog: nil).diff(
      desired: desired, snapshot: snapshot)
    let removed = result.objects.filter { $0.status == .removed }.map(\.identity.description)
    #expect(
      removed.sorted() == [
        "Backup/shop/nightly", "ConfigMap/shop/web-config",
        "HorizontalPodAutoscaler/shop/web", "Namespace/shop", "Secret/shop/db-credentials",
        "Service/shop/web",
      ])
  }
}

/// Identity details that must not show up as field changes.
@Suite struct IdentityTests {
  @Test(arguments: [DiffOptions.LiveOnlyFields.keep, .report])
  func manifestWithoutNamespaceMatchesItsRecordedCopy(liveOnlyFields: DiffOptions.LiveOnlyFields)
    throws
  {
    let text = try Fixtures.text("shop", "rbac.yaml").replacingOccurrences(
      of: "\n  namespace: shop\n", with: "\n")
    var set = ManifestSet(defaultNamespace: "shop")
    set.add(YAMLParser.parse(Array(text.utf8), file: "rbac.yaml"))
    let result = Fixtures.differ(liveOnlyFields: liveOnlyFields).diff(
      desired: set.resources, snapshot: try Fixtures.snapshot("shop.yaml"))
    #expect(result.objects.map(\.status) == [.unchanged, .unchanged])
  }

  @Test func clusterScopedCustomResourceHasNoNamespaceChange() {
    let recorded = """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: example.com/v1
        kind: Region
        metadata:
          name: eu
          uid: 0f1e2d3c-4b5a-4968-8776-655443322110
          resourceVersion: "77"
          creationTimestamp: "2026-10-02T08:14:02Z"
          generation: 1
        spec:
          zones: [a, b]
      """
    let snapshot = Snapshot(files: [(name: "regions.yaml", bytes: Array(recorded.utf8))])
    let desired = Fixtures.manifests(
      yaml:
        "apiVersion: example.com/v1\nkind: Region\nmetadata:\n  name: eu\nspec:\n  zones: [a, b]\n")
    for mode in [DiffOptions.LiveOnlyFields.keep, .report] {
      let result = Fixtures.differ(liveOnlyFields: mode).diff(desired: desired, snapshot: snapshot)
      #expect(result.objects.map(\.status) == [.unchanged])
    }
  }
}
