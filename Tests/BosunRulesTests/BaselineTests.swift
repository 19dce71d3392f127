import BosunCore
import BosunRules
import Testing

/// Baselines accept recorded findings across line shifts and report new ones.
@Suite struct BaselineTests {
  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      serviceAccountName: runner
      containers:
        - name: web
          image: nginx:1.27
    """

  @Test func recordedFindingsSurviveLineShifts() {
    let before = Checked(Self.pod, configuration: only("service-account-reference"))
    let baseline = Baseline(recording: before.diagnostics, resources: before.resources)
    #expect(baseline.fingerprints.count == 1)
    let shifted = Checked(
      "# a new comment\n\n"
        + Self.pod.replacingOccurrences(
          of: "  name: web\n", with: "  name: web\n  labels: {a: b}\n"),
      configuration: only("service-account-reference"))
    #expect(shifted.diagnostics.first?.location?.line == 9)
    #expect(baseline.newFindings(in: shifted.diagnostics, resources: shifted.resources) == [])
  }

  @Test func changedValueIsNew() {
    let before = Checked(Self.pod, configuration: only("service-account-reference"))
    let baseline = Baseline(recording: before.diagnostics, resources: before.resources)
    let after = Checked(
      Self.pod.replacingOccurrences(of: "runner", with: "builder"),
      configuration: only("service-account-reference"))
    #expect(
      baseline.newFindings(in: after.diagnostics, resources: after.resources).map(\.code) == [
        "service-account-reference"
      ])
  }

  @Test func fileRoundTripsSortedAndStable() {
    let checked = Checked(
      Self.pod + "\n---\n" + Self.pod.replacingOccurrences(of: "name: web", with: "name: api"),
      configuration: only("service-account-reference"))
    let baseline = Baseline(recording: checked.diagnostics, resources: checked.resources)
    let text = baseline.jsonText
    #expect(
      text
        == Baseline(recording: checked.diagnostics.reversed(), resources: checked.resources)
        .jsonText)
    #expect(
      text.hasPrefix(
        "{\n  \"version\": 1,\n  \"findings\": [\n    {\n      \"rule\": \"service-account-reference\",\n      \"object\": \"Pod/default/api\""
      ))
    let (read, problems) = Baseline.parse(Array(text.utf8), file: "baseline.json")
    #expect(problems == [])
    #expect(read == baseline)
  }

  @Test func badFileIsReported() {
    #expect(
      Baseline.parse(Array("{\"findings\": [{\"rule\": 1}]}".utf8), file: "b.json").diagnostics.map(
        \.code) == ["baseline.invalid"])
    #expect(
      Baseline.parse(Array("[".utf8), file: "b.json").diagnostics.map(\.code) == [
        "baseline.invalid"
      ])
  }
}
