import BosunCore
import BosunRules
import BosunYAML
import Testing

/// Annotations and `# bosun:ignore` comments silence findings; bad ones are reported.
@Suite struct SuppressionTests {
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

  @Test func unsuppressedFindingIsReported() {
    let checked = Checked(Self.pod, configuration: only("service-account-reference"))
    #expect(checked.summary == ["service-account-reference /spec/serviceAccountName 6:3"])
  }

  @Test func commentOnTheLineAboveSuppresses() {
    let text = Self.pod.replacingOccurrences(
      of: "  serviceAccountName",
      with:
        "  # bosun:ignore service-account-reference -- created by the platform\n  serviceAccountName"
    )
    #expect(Checked(text, configuration: only("service-account-reference")).summary == [])
  }

  @Test func trailingCommentSuppressesItsLine() {
    let text = Self.pod.replacingOccurrences(
      of: "serviceAccountName: runner",
      with: "serviceAccountName: runner  # bosun:ignore service-account-reference")
    #expect(Checked(text, configuration: only("service-account-reference")).summary == [])
  }

  @Test func hashInsideQuotesIsNoComment() {
    let text = Self.pod.replacingOccurrences(
      of: "serviceAccountName: runner",
      with: "serviceAccountName: \"runner # bosun:ignore service-account-reference\"")
    #expect(
      Checked(text, configuration: only("service-account-reference")).codes == [
        "service-account-reference"
      ])
    #expect(
      InlineSuppression.scan(SourceText(file: "f", bytes: Array("a: 'x # bosun:ignore r'\n".utf8)))
        == [])
    #expect(
      InlineSuppression.scan(SourceText(file: "f", bytes: Array("a: x#bosun:ignore r\n".utf8)))
        == [])
  }

  @Test func commentReadsIdsAndReason() {
    let found = InlineSuppression.scan(
      SourceText(
        file: "f",
        bytes: Array(
          "a: 1\n  # bosun:ignore one, two -- because\nb: 2  # bosun:ignore three\n".utf8)))
    #expect(found.map(\.ruleIDs) == [["one", "two"], ["three"]])
    #expect(found.map(\.coveredLine) == [3, 3])
    #expect(found.map(\.reason) == ["because", nil])
    #expect(found.map(\.mark) == [Mark(line: 2, column: 3), Mark(line: 3, column: 7)])
  }

  @Test func unknownAndUnusedCommentsAreReported() {
    let text = Self.pod.replacingOccurrences(
      of: "  containers:",
      with: "  # bosun:ignore service-account-reference, no-such-rule\n  containers:")
    let checked = Checked(text, configuration: only("service-account-reference"))
    #expect(
      checked.summary == [
        "service-account-reference /spec/serviceAccountName 6:3",
        "suppression.unknown-rule - 7:3",
        "suppression.unused - 7:3",
      ])
  }

  @Test func annotationOnObjectSuppressesAndReportsUnknownIds() {
    let text = Self.pod.replacingOccurrences(
      of: "  name: web\n",
      with:
        "  name: web\n  annotations:\n    bosun.dev/ignore: \"service-account-reference,not-a-rule\"\n    bosun.dev/ignore-reason: platform account\n"
    )
    let checked = Checked(text, configuration: only("service-account-reference"))
    #expect(
      checked.summary == ["suppression.unknown-rule /metadata/annotations/bosun.dev~1ignore 6:5"])
  }

  @Test func annotationOnPodTemplateSuppressesTheWorkload() {
    let text = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
      spec:
        template:
          metadata:
            annotations:
              bosun.dev/ignore: service-account-reference
          spec:
            serviceAccountName: migrator
            restartPolicy: Never
            containers:
              - name: migrate
                image: migrate:4
      """
    #expect(Checked(text, configuration: only("service-account-reference")).summary == [])
  }

  @Test func unusedAnnotationIsReportedOnlyWhenTheRuleRuns() {
    let text = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: runner
      ---
      """ + "\n"
      + Self.pod.replacingOccurrences(
        of: "  name: web\n",
        with: "  name: web\n  annotations:\n    bosun.dev/ignore: service-account-reference\n")
    #expect(
      Checked(text, configuration: only("service-account-reference")).summary == [
        "suppression.unused /metadata/annotations/bosun.dev~1ignore 11:5"
      ])
    #expect(Checked(text, configuration: only("pvc-reference")).summary == [])
  }
}

extension SuppressionTests {
  @Test func directiveInsideABlockScalarIsContent() {
    let text = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: scripts
      data:
        run.sh: |
          #!/bin/sh
          # bosun:ignore service-account-reference
          echo ready

        other: |-
          x
      # bosun:ignore no-such-rule
      """
    let checked = Checked(text, configuration: only("service-account-reference"))
    #expect(checked.summary == ["suppression.unknown-rule - 13:1"])
  }
}

extension SuppressionTests {
  @Test(arguments: [
    #"a: "x \" # no" # bosun:ignore r"#, #"a: "x \\" # bosun:ignore r"#,
    "a: 'it''s # no' # bosun:ignore r", "a: it's # bosun:ignore r",
  ])
  func quotesEndWhereYAMLEndsThem(line: String) throws {
    let found = InlineSuppression.scan(SourceText(file: "f", bytes: Array((line + "\n").utf8)))
    #expect(found.map(\.ruleIDs) == [["r"]])
    let column = try #require(found.first?.mark.column)
    #expect(line.unicodeScalars.dropFirst(Int(column) - 1).first == "#")
  }
}
