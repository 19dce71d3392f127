import BosunCLI
import BosunCore
import BosunReport
import Testing

/// `bosun check` before schemas and rules: YAML problems, object identity, duplicates, exit codes.
@Suite struct CheckPipelineTests {
  @Test func cleanInputExitsZero() {
    let outcome = check([("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n")])
    #expect(outcome.exitCode == 0)
    #expect(outcome.report.objects.map(\.status) == [.valid])
    #expect(outcome.report.objects.first?.reference?.namespace == "default")
  }

  @Test func missingIdentityFieldsArePositioned() {
    let outcome = check([
      ("a.yaml", "apiVersion: v1\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  labels: {}\n")
    ])
    #expect(outcome.report.diagnostics.map(\.brief) == ["object.missing-kind@1:1", "object.missing-name@7:1"])
    #expect(outcome.exitCode == 1)
    #expect(outcome.report.objects.map(\.status) == [.error, .invalid])
  }

  @Test func duplicateObjectsAcrossFilesNameBothPositions() throws {
    let cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\n"
    let outcome = check([("a.yaml", cm), ("b.yaml", "# x\n" + cm)])
    let duplicate = try #require(outcome.report.diagnostics.first { $0.code == "object.duplicate" })
    #expect(duplicate.location?.file == "b.yaml")
    #expect(duplicate.location?.line == 2)
    #expect(duplicate.notes.first?.location?.file == "a.yaml")
  }

  @Test func namespaceDefaultingMakesSameObject() {
    let a = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\n"
    let b = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\n  namespace: default\n"
    #expect(check([("a.yaml", a + "---\n" + b)]).report.diagnostics.map(\.code) == ["object.duplicate"])
  }

  @Test func brokenYAMLExitsTwoAndKeepsTheOtherDocuments() {
    let outcome = check([
      ("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n data: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n")
    ])
    #expect(outcome.exitCode == 2)
    #expect(outcome.report.diagnostics.map(\.brief) == ["yaml.syntax@5:2"])
    #expect(outcome.report.objects.compactMap(\.reference?.name) == ["two"])
    #expect(outcome.report.summary.documents == 2)
  }

  @Test func zeroObjectsIsAnErrorUnlessAllowed() {
    let outcome = check([("empty.yaml", "# nothing here\n")])
    #expect(outcome.report.diagnostics.map(\.code) == ["input.no-objects", "input.empty-file"])
    #expect(outcome.exitCode == 2)
    var options = CheckPipeline.Options()
    options.allowEmpty = true
    #expect(check([("empty.yaml", "")], options: options).exitCode == 0)
  }

  @Test func listItemsKeepTheirOwnPositions() {
    let outcome = check([
      ("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {}\n")
    ])
    #expect(outcome.report.objects.map(\.location.line) == [4, 7])
    #expect(outcome.report.diagnostics.map(\.brief) == ["object.missing-name@9:3"])
  }

  @Test func failOnWarningTurnsWarningsIntoExitOne() {
    var options = CheckPipeline.Options()
    options.failOn = .warning
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n"
    #expect(check([("a.yaml", text)]).exitCode == 0)
    #expect(check([("a.yaml", text)], options: options).exitCode == 1)
    var strict = CheckPipeline.Options()
    strict.strict = true
    #expect(check([("a.yaml", text)], options: strict).report.diagnostics.map(\.severity) == [.error])
  }

  @Test func helmSourceCommentsNameTheTemplate() throws {
    let outcome = checkPaths(["fixtures/helm/rendered.yaml"])
    #expect(outcome.report.objects.map(\.templateSource) == [
      "shop/templates/serviceaccount.yaml", "shop/templates/deployment.yaml",
      "shop/templates/service.yaml", "shop/templates/service-duplicate.yaml",
    ])
    let duplicate = try #require(outcome.report.diagnostics.first { $0.code == "object.duplicate" })
    #expect(duplicate.templateSource == "shop/templates/service-duplicate.yaml")
  }
}

/// Names, labels and annotations the API server would reject.
@Suite struct MetadataSyntaxTests {
  @Test func labelAndAnnotationSyntaxIsCheckedOnObjectAndTemplate() {
    let outcome = check([
      ("a.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            -bad: ok
            good: "has space"
          annotations:
            example.com/a/b: x
        spec:
          template:
            metadata:
              labels:
                app: \(String(repeating: "x", count: 64))
        """)
    ])
    #expect(outcome.report.diagnostics.map(\.brief) == [
      "object.label-key@6:5", "object.label-value@7:5", "object.annotation-key@9:5",
      "object.label-value@14:9",
    ])
    #expect(outcome.report.diagnostics.map { $0.pointer?.description ?? "" } == [
      "/metadata/labels/-bad", "/metadata/labels/good", "/metadata/annotations/example.com~1a~1b",
      "/spec/template/metadata/labels/app",
    ])
  }

  @Test func namesFollowTheirKindsRules() {
    let outcome = check([
      ("a.yaml", """
        apiVersion: v1
        kind: Service
        metadata: {name: 1web}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team.a}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: team.a}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: \(String(repeating: "c", count: 53))}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: "system:reader"}
        """)
    ])
    #expect(outcome.report.diagnostics.map(\.brief) == [
      "object.invalid-name@3:12", "object.invalid-name@7:12", "object.invalid-name@15:12",
    ])
  }
}
