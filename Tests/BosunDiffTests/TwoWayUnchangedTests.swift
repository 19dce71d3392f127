import BosunCore
import BosunDiff
import BosunModel
import Testing

/// Objects recorded without a last-applied configuration, merged two-way: manifests the live
/// copy already holds are unchanged, and every real edit is still found.
@Suite struct TwoWayUnchangedTests {
  static let live = """
    apiVersion: v1
    kind: List
    items:
    - apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        uid: 00000001-0000-4000-8000-000000000000
        resourceVersion: "1001"
        creationTimestamp: "2026-01-01T00:00:00Z"
        labels:
          app: web
      spec:
        replicas: 3
        progressDeadlineSeconds: 600
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: shop/web:1.0.0
              ports:
              - containerPort: 8080
            - name: sidecar
              image: shop/sidecar:1.0.0
      status:
        replicas: 3
    """

  static let manifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: shop
      labels:
        app: web
    spec:
      replicas: 3
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: web
            image: shop/web:1.0.0
            ports:
            - containerPort: 8080
          - name: sidecar
            image: shop/sidecar:1.0.0
    """

  func diff(_ edit: (String) -> String) throws -> ObjectDiff {
    let snapshot = Snapshot(files: [(name: "live.yaml", bytes: Array(Self.live.utf8))])
    #expect(snapshot.diagnostics.isEmpty)
    let desired = Fixtures.manifests(yaml: edit(Self.manifest))
    let result = Fixtures.differ().diff(desired: desired, snapshot: snapshot)
    return try #require(result.objects.first)
  }

  @Test func manifestHeldByTheLiveCopyIsUnchanged() throws {
    let object = try diff { $0 }
    #expect(object.status == .unchanged)
    #expect(!object.isThreeWay)
  }

  @Test func serverOwnedFieldsInTheManifestChangeNothing() throws {
    let object = try diff {
      $0.replacingOccurrences(of: "  namespace: shop\n", with: "  namespace: shop\n  uid: other\n")
        + "\nstatus:\n  replicas: 1\n"
    }
    #expect(object.status == .unchanged)
  }

  @Test func editsAreStillFound() throws {
    let edits: [(String) -> String] = [
      { $0.replacingOccurrences(of: "shop/web:1.0.0", with: "shop/web:1.0.1") },
      { $0.replacingOccurrences(of: "replicas: 3", with: "replicas: 4") },
      { $0.replacingOccurrences(of: "replicas: 3", with: "replicas: null") },
      {
        $0.replacingOccurrences(of: "    app: web\nspec:", with: "    app: web\n    tier: f\nspec:")
      },
      { $0.replacingOccurrences(of: "- containerPort: 8080", with: "- containerPort: 8081") },
      { $0 + "\n  minReadySeconds: 5\n" },
    ]
    for edit in edits {
      #expect(try diff(edit).status == .changed)
    }
  }

  @Test func aShorterKeyedListKeepsTheLiveItems() throws {
    let object = try diff {
      $0.replacingOccurrences(
        of: "        - name: sidecar\n          image: shop/sidecar:1.0.0\n", with: "")
    }
    #expect(object.status == .unchanged)
  }
}
