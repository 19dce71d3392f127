import BosunCLI
import BosunCore
import BosunReport
@testable import BosunModel
import BosunSchema
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
    var options = CheckPipeline.Options.objectsOnly
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
    var options = CheckPipeline.Options.objectsOnly
    options.failOn = .warning
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n"
    #expect(check([("a.yaml", text)]).exitCode == 0)
    #expect(check([("a.yaml", text)], options: options).exitCode == 1)
    var strict = CheckPipeline.Options.objectsOnly
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

/// Schemas and rules join the same run: their findings land on the right objects.
@Suite struct SchemaAndRulesInPipelineTests {
  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: "two"
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
            - name: web
              image: nginx:latest
              imagePullPolicy: Sometimes
    """

  @Test func schemaAndRuleFindingsAreAttachedToTheirObject() throws {
    let outcome = check([("d.yaml", Self.deployment)], options: CheckPipeline.Options())
    let codes = Set(outcome.report.diagnostics.map(\.code))
    #expect(codes.isSuperset(of: ["schema.type", "schema.enum", "no-latest-tag"]))
    let type = try #require(outcome.report.diagnostics.first { $0.code == "schema.type" })
    #expect(type.pointer?.description == "/spec/replicas")
    #expect(type.location?.line == 6)
    #expect(outcome.report.objects.first?.status == .invalid)
    #expect(outcome.report.objects.first?.diagnostics.count == outcome.report.diagnostics.count)
    #expect(outcome.exitCode == 1)
  }

  @Test func versionsSplitTheVerdict() throws {
    var options = CheckPipeline.Options()
    options.rules = false
    options.kubernetesVersions = [KubernetesVersion(minor: 25), KubernetesVersion(minor: 29)]
    let hpa = """
      apiVersion: autoscaling/v2beta2
      kind: HorizontalPodAutoscaler
      metadata: {name: web}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        maxReplicas: 3
      """
    let outcome = check([("h.yaml", hpa)], options: options)
    let removed = try #require(outcome.report.diagnostics.first { $0.code == "schema.removed-api" })
    #expect(removed.location?.line == 1)
    #expect(removed.notes.map(\.message).joined().contains("1.29"))
  }

  @Test func targetVersionWarnsAboutRemovedAPIs() {
    var options = CheckPipeline.Options()
    options.rules = false
    options.kubernetesVersions = [KubernetesVersion(minor: 25)]
    options.targetVersion = KubernetesVersion(minor: 27)
    let hpa = "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\nspec:\n  scaleTargetRef: {kind: Deployment, name: a}\n  maxReplicas: 2\n"
    let outcome = check([("h.yaml", hpa)], options: options)
    #expect(outcome.report.diagnostics.map(\.code).contains("schema.removed-api"))
  }

  @Test func customResourcesValidateAgainstCRDsFromFlags() throws {
    var options = CheckPipeline.Options()
    options.rules = false
    let crd = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        names: {kind: Widget, plural: widgets}
        scope: Namespaced
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: integer}
      """
    options.crdFiles = [InputFile(name: "crd.yaml", bytes: Array(crd.utf8))]
    let widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: big\n"
    let outcome = check([("w.yaml", widget)], options: options)
    #expect(outcome.report.diagnostics.map(\.brief) == ["schema.type@5:3"])
    let unknown = check([("w.yaml", widget)], options: { var o = options; o.crdFiles = []; return o }())
    #expect(unknown.report.diagnostics.map(\.code) == ["schema.unknown-kind"])
  }
}

/// The fast path for common labels never accepts what the full upstream checks reject.
@Suite struct LabelFastPathTests {
  @Test(arguments: [
    ("app.kubernetes.io/name", "web"), ("app", "web-1.2"), ("a/b/c", "x"), ("-a", "x"),
    ("example.com/", "x"), ("/name", "x"), ("a..b/name", "x"), ("a.-b/name", "x"),
    ("example.com/-x", "x"), ("app", "-web"), ("app", "web."), ("app", ""), ("x", "a..b"),
    (String(repeating: "a", count: 64), "x"), ("a/" + String(repeating: "b", count: 63), "x"),
    ("app", String(repeating: "v", count: 64)), ("a.b-/c", "x"), ("Upper", "x"),
  ])
  func fastPathAgreesWithFullChecks(key: String, value: String) {
    let full = LabelSyntax.labelKeyProblems(key).isEmpty && LabelSyntax.labelValueProblems(value).isEmpty
    if MetadataSyntax.isPlainValidLabel(key: key, value: value) { #expect(full) }
  }

  @Test(arguments: [
    "kubectl.kubernetes.io/last-applied-configuration", "example.com/owner", "Example.com/Key",
    "a/b/c", "/x", "x/", "a..b/c", "-a", "a_b", "app", String(repeating: "a", count: 64),
  ])
  func annotationKeyFastPathAgreesWithFullCheck(key: String) {
    let full = LabelSyntax.annotationKeyProblems(key).isEmpty
    if MetadataSyntax.isPlainQualifiedName(key) { #expect(full) }
  }
}

/// Secret values never reach any output: not in messages, not in code frames.
@Suite struct SecretRedactionTests {
  static let secret = """
    apiVersion: v1
    kind: Secret
    metadata: {name: db}
    data:
      password: not-base64!!
      token: 987654321
    stringData:
      flag: yes
      key: |
        line-one-s3cret
        line-two-s3cret
      key: duplicate-s3cret
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
        - name: app
          image: app:1.0
          env:
            - {name: DB_PASSWORD, value: hunter2-s3cret}
    """

  @Test(arguments: ReportFormat.allCases)
  func noFormatPrintsASecretValue(format: ReportFormat) {
    let outcome = check([("s.yaml", Self.secret)], options: CheckPipeline.Options())
    #expect(outcome.report.diagnostics.count >= 4)
    let text = format.render(outcome.report)
    for value in ["not-base64!!", "987654321", "s3cret", "hunter2"] {
      #expect(!text.contains(value), "\(format) shows \(value)")
    }
  }
}
