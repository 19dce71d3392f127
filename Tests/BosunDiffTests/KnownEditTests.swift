import BosunCore
import BosunDiff
import BosunModel
import Testing

/// Known edits of the shop manifests against the recording give exactly the expected changes.
@Suite struct KnownEditTests {
  /// The web Deployment, edited, against the recording.
  func diffWeb(_ edit: (String) -> String) throws -> ObjectDiff {
    let text = edit(try Fixtures.text("shop", "web.yaml"))
    let desired = Fixtures.manifests(yaml: text, file: "shop/web.yaml")
    let result = Fixtures.differ().diff(
      desired: desired, snapshot: try Fixtures.snapshot("shop.yaml"))
    return try #require(result.objects.first)
  }

  func summary(_ object: ObjectDiff) -> [String] {
    object.changes.map { "\($0.kind.rawValue) \($0.pointer)" }
  }

  @Test func imageChangeIsOneChangedField() throws {
    let object = try diffWeb {
      $0.replacingOccurrences(of: "shop/web:1.4.2", with: "shop/web:1.5.0")
    }
    #expect(object.status == .changed)
    #expect(object.isThreeWay)
    #expect(summary(object) == ["changed /spec/template/spec/containers/0/image"])
    let change = try #require(object.changes.first)
    #expect(change.path == "spec.template.spec.containers[name=web].image")
    #expect(change.before == .string("registry.example.com/shop/web:1.4.2"))
    #expect(change.after == .string("registry.example.com/shop/web:1.5.0"))
    #expect(change.location == SourceLocation(file: "shop/web.yaml", line: 20, column: 11))
    // The plain values a plan reads again: the manifest and the recorded copy, as read.
    let values = try #require(object.values)
    #expect(values.desired.value(at: "/spec/template/spec/containers/0/image") == change.after)
    #expect(values.live.value(at: "/spec/template/spec/containers/0/image") == change.before)
    #expect(values.live.value(at: "/metadata/uid") != nil)
    #expect(try diffWeb { $0 }.values == nil)
  }

  @Test func replicasChangeIsOneChangedField() throws {
    let object = try diffWeb { $0.replacingOccurrences(of: "replicas: 3", with: "replicas: 5") }
    #expect(summary(object) == ["changed /spec/replicas"])
    #expect(object.changes.first?.before == .int(3))
    #expect(object.changes.first?.after == .int(5))
  }

  @Test func selectorChangeAddsTheLabelToSelectorAndTemplate() throws {
    let object = try diffWeb {
      $0.replacingOccurrences(
        of: "      app: web\n  template", with: "      app: web\n      tier: front\n  template"
      )
      .replacingOccurrences(
        of: "        app: web\n    spec", with: "        app: web\n        tier: front\n    spec")
    }
    #expect(
      summary(object) == [
        "added /spec/selector/matchLabels/tier", "added /spec/template/metadata/labels/tier",
      ])
  }

  @Test func envEntryRemovedFromTheManifestIsARemovalByName() throws {
    let object = try diffWeb {
      $0.replacingOccurrences(
        of: "            - name: CACHE_URL\n              value: redis://cache:6379\n", with: "")
    }
    #expect(summary(object) == ["removed /spec/template/spec/containers/0/env/1"])
    #expect(
      object.changes.first?.path == "spec.template.spec.containers[name=web].env[name=CACHE_URL]")
    #expect(
      object.changes.first?.before
        == .object([
          (key: "name", value: .string("CACHE_URL")),
          (key: "value", value: .string("redis://cache:6379")),
        ]))
  }

  @Test func portAddedByKeyIsOneAddedItem() throws {
    let object = try diffWeb {
      $0.replacingOccurrences(
        of: "              containerPort: 8080\n",
        with:
          "              containerPort: 8080\n            - name: metrics\n              containerPort: 9090\n"
      )
    }
    #expect(summary(object) == ["added /spec/template/spec/containers/0/ports/1"])
    #expect(
      object.changes.first?.path
        == "spec.template.spec.containers[name=web].ports[containerPort=9090,protocol=TCP]")
  }

  @Test func reorderedContainersAreOrderOnly() throws {
    let object = try diffWeb { text in
      let start = try! #require(text.range(of: "        - name: web\n"))
      let middle = try! #require(text.range(of: "        - name: log-shipper\n"))
      let end = try! #require(text.range(of: "      volumes:\n"))
      let web = text[start.lowerBound..<middle.lowerBound]
      let shipper = text[middle.lowerBound..<end.lowerBound]
      return String(text[..<start.lowerBound]) + shipper + web + text[end.lowerBound...]
    }
    #expect(summary(object) == ["reordered /spec/template/spec/containers"])
    #expect(object.changes.first?.before == .array([.string("web"), .string("log-shipper")]))
    #expect(object.changes.first?.after == .array([.string("log-shipper"), .string("web")]))
  }

  @Test func quantitiesCompareByValue() throws {
    let same = try diffWeb {
      $0.replacingOccurrences(of: "memory: 1024Mi", with: "memory: 1Gi")
        .replacingOccurrences(of: "cpu: 250m", with: "cpu: 0.25")
    }
    #expect(same.status == .unchanged)
    let bigger = try diffWeb { $0.replacingOccurrences(of: "memory: 1024Mi", with: "memory: 2Gi") }
    #expect(
      summary(bigger) == ["changed /spec/template/spec/containers/0/resources/limits/memory"])
  }

  @Test func fieldSetOnlyByTheClusterIsNoChange() throws {
    // `kubectl rollout restart` stamps the template; the manifest never mentions it.
    var snapshotText = try String(
      contentsOf: Fixtures.root.appendingPathComponent("snapshots/shop.yaml"), encoding: .utf8)
    snapshotText = snapshotText.replacingOccurrences(
      of: "        creationTimestamp: null\n        labels:\n          app: web\n",
      with:
        "        annotations:\n          kubectl.kubernetes.io/restartedAt: \"2026-11-20T16:02:40Z\"\n        creationTimestamp: null\n        labels:\n          app: web\n"
    )
    let snapshot = Snapshot(files: [(name: "shop.yaml", bytes: Array(snapshotText.utf8))])
    let desired = Fixtures.manifests(yaml: try Fixtures.text("shop", "web.yaml"))
    let kept = Fixtures.differ().diff(desired: desired, snapshot: snapshot)
    #expect(kept.objects.first?.status == .unchanged)
    let drift = Fixtures.differ(liveOnlyFields: .report).diff(desired: desired, snapshot: snapshot)
    #expect(
      drift.objects.first?.changes.map(\.pointer) == [
        "/spec/template/metadata/annotations"
      ])
  }

  @Test func ignoreRuleLeavesAFieldOut() throws {
    let text = try Fixtures.text("shop", "web.yaml").replacingOccurrences(
      of: "replicas: 3", with: "replicas: 5")
    let rule = IgnoreRule(
      kind: "Deployment", name: "web", pointers: [ValuePattern("/spec/replicas")!])
    let result = Fixtures.differ(ignoreRules: [rule]).diff(
      desired: Fixtures.manifests(yaml: text), snapshot: try Fixtures.snapshot("shop.yaml"))
    #expect(result.objects.first?.status == .unchanged)
  }

  @Test func objectMissingFromTheSnapshotIsAdded() throws {
    let desired = Fixtures.manifests(
      yaml:
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: new\n  namespace: shop\ndata:\n  a: b\n"
    )
    let result = Fixtures.differ().diff(
      desired: desired, snapshot: try Fixtures.snapshot("shop.yaml"))
    #expect(result.objects.map(\.status) == [.added])
  }

  @Test func secretChangeSaysChangedWithoutValues() throws {
    let text = try Fixtures.text("shop", "config.yaml").replacingOccurrences(
      of: "password: s3cr3t-Pa55", with: "password: n3w-Pa55")
    let result = Fixtures.differ().diff(
      desired: Fixtures.manifests(yaml: text, file: "shop/config.yaml"),
      snapshot: try Fixtures.snapshot("shop.yaml"))
    let secret = try #require(result.objects.first { $0.identity.kind == "Secret" })
    #expect(secret.changes.map(\.pointer) == ["/data/password"])
    let change = try #require(secret.changes.first)
    #expect(change.isSensitive && change.before == nil && change.after == nil)
    #expect(change.location?.line == 18)  // the stringData entry
  }
}

/// The command-line form of ignore rules.
@Suite struct IgnoreRuleParsingTests {
  @Test func selectorsByKindNameAndNamespace() throws {
    let any = try #require(IgnoreRule(parsing: "*:/metadata/labels/team"))
    #expect(any.kind == nil && any.name == nil && any.namespace == nil)
    let kind = try #require(IgnoreRule(parsing: "Deployment:/spec/replicas"))
    #expect(kind.kind == "Deployment" && kind.name == nil)
    let named = try #require(IgnoreRule(parsing: "Deployment/web:/spec/replicas"))
    #expect(named.name == "web" && named.namespace == nil)
    let full = try #require(
      IgnoreRule(parsing: "Deployment/shop/web:/spec/template/spec/containers/*/image"))
    #expect(full.namespace == "shop" && full.name == "web")
    #expect(
      full.pointers.first?.tokens == ["spec", "template", "spec", "containers", "*", "image"])
  }

  @Test(arguments: [
    "Deployment", "Deployment:spec/replicas", "a/b/c/d:/x", "Deployment//web:/x", ":/x",
  ])
  func malformedRulesAreRejected(text: String) {
    #expect(IgnoreRule(parsing: text) == nil)
  }
}
