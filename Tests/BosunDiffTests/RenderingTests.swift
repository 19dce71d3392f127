import BosunCore
import BosunDiff
import BosunModel
import Foundation
import Testing

/// What the three renderings show, and what they never show.
@Suite struct RenderingTests {
  /// Secret material from the fixtures: the plain values and their base64 forms.
  static let secretMaterial = [
    "s3cr3t-Pa55", "czNjcjN0LVBhNTU=", "c2hvcA==", "n3w-Pa55", "bjN3LVBhNTU=", "t0ken-xyz",
    "dDBrZW4teHl6",
  ]

  func results() throws -> [DiffResult] {
    let snapshot = try Fixtures.snapshot("shop.yaml")
    let config = try Fixtures.text("shop", "config.yaml")
    let changed = config.replacingOccurrences(
      of: "password: s3cr3t-Pa55", with: "password: n3w-Pa55")
    let added = """
      apiVersion: v1
      kind: Secret
      metadata:
        name: api-token
        namespace: shop
      stringData:
        token: t0ken-xyz
      """
    let everything = Fixtures.differ().options
    var all = everything
    all.removedObjects = .all
    let removing = ManifestDiffer(options: all, catalog: nil)
    return [
      Fixtures.differ().diff(desired: Fixtures.manifests(yaml: changed), snapshot: snapshot),
      Fixtures.differ().diff(desired: Fixtures.manifests(yaml: added), snapshot: snapshot),
      Fixtures.differ().diff(desired: Fixtures.manifests(yaml: config), snapshot: snapshot),
      Fixtures.differ(liveOnlyFields: .report).diff(
        desired: Fixtures.manifests(yaml: changed), snapshot: snapshot),
      removing.diff(desired: Fixtures.manifests(yaml: added), snapshot: snapshot),
    ]
  }

  @Test func secretValuesNeverAppearInAnyOutput() throws {
    for result in try results() {
      let outputs = [
        DiffTextRenderer().render(result),
        DiffTextRenderer(colour: true, showUnchanged: true).render(result),
        DiffJSONRenderer.render(result),
        UnifiedDiffRenderer.render(result),
      ]
      for output in outputs {
        for secret in Self.secretMaterial {
          #expect(!output.contains(secret), "\(secret) leaked into:\n\(output)")
        }
      }
      for object in result.objects where object.identity.kind == "Secret" {
        for change in object.changes where change.pointer.description.hasPrefix("/data") {
          #expect(change.isSensitive && change.before == nil && change.after == nil)
        }
      }
    }
  }

  @Test func unifiedDiffShowsOnlyTheChangedLines() throws {
    let text = try Fixtures.text("shop", "web.yaml").replacingOccurrences(
      of: "replicas: 3", with: "replicas: 4")
    let result = Fixtures.differ().diff(
      desired: Fixtures.manifests(yaml: text), snapshot: try Fixtures.snapshot("shop.yaml"))
    let unified = UnifiedDiffRenderer.render(result)
    #expect(
      unified == """
        --- live/apps.v1.Deployment.shop.web
        +++ merged/apps.v1.Deployment.shop.web
        @@ -7,7 +7,7 @@
           namespace: shop
         spec:
           progressDeadlineSeconds: 600
        -  replicas: 3
        +  replicas: 4
           revisionHistoryLimit: 10
           selector:
             matchLabels:

        """)
  }

  @Test func jsonIsVersionedAndNamesEveryChange() throws {
    let text = try Fixtures.text("shop", "web.yaml").replacingOccurrences(
      of: "replicas: 3", with: "replicas: 4")
    let result = Fixtures.differ().diff(
      desired: Fixtures.manifests(yaml: text, file: "shop/web.yaml"),
      snapshot: try Fixtures.snapshot("shop.yaml"))
    let json = DiffJSONRenderer.render(result)
    let root = try #require(
      JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(root["version"] as? Int == 1)
    let summary = try #require(root["summary"] as? [String: Int])
    #expect(summary == ["added": 0, "removed": 0, "changed": 1, "unchanged": 0])
    let objects = try #require(root["objects"] as? [[String: Any]])
    #expect(objects.first?["kind"] as? String == "Deployment")
    let change = try #require((objects.first?["changes"] as? [[String: Any]])?.first)
    #expect(change["kind"] as? String == "changed")
    #expect(change["pointer"] as? String == "/spec/replicas")
    #expect(change["before"] as? Int == 3)
    #expect(change["after"] as? Int == 4)
    let location = try #require(change["location"] as? [String: Any])
    #expect(location["file"] as? String == "shop/web.yaml")
    #expect(location["line"] as? Int == 9)
  }

  @Test func textNamesObjectFieldValuesAndPosition() throws {
    let text = try Fixtures.text("shop", "web.yaml").replacingOccurrences(
      of: "replicas: 3", with: "replicas: 4")
    let result = Fixtures.differ().diff(
      desired: Fixtures.manifests(yaml: text, file: "shop/web.yaml"),
      snapshot: try Fixtures.snapshot("shop.yaml"))
    let lines = DiffTextRenderer().render(result).split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "~ Deployment/shop/web  (shop/web.yaml:1:1, against last-applied-configuration)",
        "    ~ spec.replicas  shop/web.yaml:9:3",
        "        - 3",
        "        + 4",
        "0 to add, 1 to change, 0 to remove, 0 unchanged (Kubernetes 1.31 defaults)",
      ])
    #expect(!DiffTextRenderer().render(result).contains("\u{1B}["))
  }
}
