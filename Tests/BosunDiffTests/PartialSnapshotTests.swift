import BosunCore
import BosunDiff
import BosunModel
import BosunYAML
import Testing

/// A recording read with only some objects wanted whole holds exactly those objects, the
/// others with their identity and metadata, and the same diagnostics; where it could not, it
/// is read whole.
@Suite struct PartialSnapshotTests {
  private static func files(_ texts: [(String, String)]) -> [(name: String, bytes: [UInt8])] {
    texts.map { (name: $0.0, bytes: Array($0.1.utf8)) }
  }

  /// Wants Deployments only.
  private static let deployments: @Sendable (Resource) -> Bool = {
    $0.identity.kind == "Deployment"
  }

  private static func expectSameAsWhole(
    _ files: [(name: String, bytes: [UInt8])], partial: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let whole = Snapshot(files: files)
    let read = Snapshot(files: files, wholeOnly: Self.deployments)
    #expect(read.diagnostics == whole.diagnostics, sourceLocation: sourceLocation)
    #expect(Set(read.objects.keys) == Set(whole.objects.keys), sourceLocation: sourceLocation)
    #expect(
      read.objects.values.filter(\.node.isPartial).count == partial,
      sourceLocation: sourceLocation)
    for (key, object) in read.objects {
      let full = whole.objects[key]!
      #expect(object.identity == full.identity, sourceLocation: sourceLocation)
      #expect(object.location == full.location, sourceLocation: sourceLocation)
      #expect(object.node["metadata"] == full.node["metadata"], sourceLocation: sourceLocation)
      if object.identity.kind == "Deployment" || !object.node.isPartial {
        #expect(object.node == full.node, sourceLocation: sourceLocation)
      }
    }
  }

  @Test func theFixtureRecordingKeepsWantedObjectsWhole() throws {
    for name in ["shop.yaml", "shop-config.json"] {
      let files = Self.files([(name, try Fixtures.rawSnapshot(name))])
      let whole = Snapshot(files: files)
      // Partial: every object but the Deployments that has a key after its apiVersion, kind
      // and metadata (kubectl writes keys in order, so a ConfigMap's data comes before).
      let partial = whole.objects.values.filter { object in
        let keys = object.node.pairs?.map { $0.key.scalarText ?? "" } ?? []
        let last = keys.lastIndex { ["apiVersion", "kind", "metadata"].contains($0) } ?? 0
        return object.identity.kind != "Deployment" && last < keys.count - 1
      }.count
      #expect(partial >= 3)
      Self.expectSameAsWhole(files, partial: partial)
    }
  }

  @Test func anObjectRecordedTwiceIsReadWholeSoItsCopiesCompare() throws {
    let list = """
      apiVersion: v1
      items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: a, namespace: shop}
        data: {k: one}
      kind: List

      """
    let again = list.replacingOccurrences(of: "k: one", with: "k: two")
    let files = Self.files([("a.yaml", list), ("b.yaml", again)])
    Self.expectSameAsWhole(files, partial: 0)
    let read = Snapshot(files: files, wholeOnly: Self.deployments)
    #expect(read.diagnostics.map(\.code) == ["snapshot.duplicate"])
  }

  @Test func aDocumentThatIsNoListIsReadWhole() {
    let text = """
      apiVersion: example.com/v1
      kind: Basket
      metadata: {name: b, namespace: shop}
      items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        data: {k: v}

      """
    Self.expectSameAsWhole(Self.files([("basket.yaml", text)]), partial: 0)
  }

  @Test func entriesThatCannotBeIdentifiedAreReportedAsInAWholeReading() {
    let text = """
      apiVersion: v1
      items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {namespace: shop}
        data: {k: v}
      - apiVersion: v1
        kind: Secret
        metadata: {name: s, namespace: shop}
        data: {k: dg==}
      kind: List

      """
    Self.expectSameAsWhole(Self.files([("list.yaml", text)]), partial: 1)
    let read = Snapshot(files: Self.files([("list.yaml", text)]), wholeOnly: Self.deployments)
    #expect(read.diagnostics.map(\.code) == ["snapshot.unidentified-object"])
  }
}
