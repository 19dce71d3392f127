import BosunModel
import Testing

@testable import BosunSchema

@Suite("Formats the schemas name")
struct ScalarFormatTests {
  @Test(
    "quantity fields accept what apimachinery's ParseQuantity accepts",
    arguments: [
      "1", "500m", "1.5Gi", "128Mi", "+2", "-1", ".5", "1e3", "1E-2", "0.1k", "10Ei",
      // apimachinery's parseQuantityString reads a missing numerator as 0, so these are zero.
      "Gi", ".",
    ])
  func validQuantities(_ text: String) {
    #expect((try? Quantity(parsing: text)) != nil)
  }

  @Test(
    "text that is not a quantity",
    arguments: ["", "1.5GB", "1 Gi", "1e", "1.5e3.2", "1mi", "one"])
  func invalidQuantities(_ text: String) {
    #expect((try? Quantity(parsing: text)) == nil)
  }

  @Test("date-times are RFC 3339, as metav1.Time reads them")
  func dateTimes() {
    #expect(ScalarFormat.isDateTime("2024-05-01T12:00:00Z"))
    #expect(ScalarFormat.isDateTime("2024-05-01T12:00:00.123+02:00"))
    #expect(!ScalarFormat.isDateTime("2024-05-01 12:00:00"))
    #expect(!ScalarFormat.isDateTime("2024-13-01T12:00:00Z"))
    #expect(!ScalarFormat.isDateTime("yesterday"))
  }

  @Test("version sets read and print compactly")
  func versionSets() throws {
    let set = try #require(VersionSet(compact: "25-28,30"))
    #expect(set.description == "1.25–1.28, 1.30")
    #expect(set.contains(KubernetesVersion(minor: 27)))
    #expect(!set.contains(KubernetesVersion(minor: 29)))
    #expect(VersionSet(compact: "28-25") == nil)
  }

  @Test("misspelt names get the nearest known name, ties and far names get none")
  func suggestions() {
    #expect(FieldSuggestion.nearest(to: "metdata", among: ["metadata", "spec"]) == "metadata")
    #expect(FieldSuggestion.nearest(to: "conatiners", among: ["containers"]) == "containers")
    #expect(FieldSuggestion.nearest(to: "Spec", among: ["spec", "status"]) == "spec")
    #expect(FieldSuggestion.nearest(to: "xyz", among: ["metadata", "spec"]) == nil)
  }
}
