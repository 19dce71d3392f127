import BosunCore
import BosunYAML
import Testing

@testable import BosunSchema

@Suite("Validating built-in kinds")
struct SchemaValidatorTests {
  let validator: SchemaValidator
  let strict: SchemaValidator

  init() throws {
    let catalog = try SchemaCatalog.bundled()
    validator = SchemaValidator(catalog: catalog)
    strict = SchemaValidator(catalog: catalog, strict: true)
  }

  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      labels: {app: web}
    spec:
      replicas: 3
      selector:
        matchLabels: {app: web}
      strategy:
        type: RollingUpdate
        rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              imagePullPolicy: IfNotPresent
              ports:
                - containerPort: 80
                  protocol: TCP
              resources:
                requests: {cpu: 100m, memory: 128Mi}
                limits: {cpu: 1, memory: 1.5Gi}
    """

  @Test("a valid Deployment has no findings in any bundled version")
  func validDeployment() throws {
    let verdict = validator.validate(
      document(Self.deployment), versions: try SchemaCatalog.bundled().bundledVersions)
    #expect(verdict.findings.isEmpty, "\(verdict.codes)")
    #expect(verdict.summary == "valid in 1.25–1.37")
  }

  @Test("a missing required field is reported at its parent")
  func missingRequired() {
    let verdict = validator.validate(
      document(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - image: nginx
        """), versions: [v(31)])
    #expect(
      verdict.codes == [
        "schema.required /spec",
        "schema.required /spec/template/spec/containers/0",
      ])
  }

  @Test("a value of the wrong type is reported at the value")
  func wrongType() {
    let verdict = validator.validate(
      document(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          ports:
            - port: "80"
              targetPort: http
          selector: [app]
        """), versions: [v(31)])
    #expect(verdict.codes == ["schema.type /spec/ports/0/port", "schema.type /spec/selector"])
  }

  @Test("a value outside an enumeration is reported with a suggestion")
  func enumeration() throws {
    let verdict = validator.validate(
      document(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: app
              image: busybox
              imagePullPolicy: always
        """), versions: [v(31)])
    let finding = try #require(verdict.findings.first)
    #expect(verdict.codes == ["schema.enum /spec/containers/0/imagePullPolicy"])
    #expect(finding.suggestion == "Always")
  }

  @Test("an unknown field is a warning, and under strict an error with a suggestion")
  func unknownField() throws {
    let yaml = """
      apiVersion: v1
      kind: ConfigMap
      metdata: {name: settings}
      data: {a: b}
      """
    let lenient = validator.validate(document(yaml), versions: [v(31)])
    #expect(lenient.codes == ["schema.unknown-field /metdata"])
    #expect(lenient.findings.first?.severity == .warning)
    let checked = strict.validate(document(yaml), versions: [v(31)])
    let finding = try #require(checked.findings.first)
    #expect(finding.code == "schema.unknown-field")
    #expect(finding.severity == .error)
    #expect(finding.suggestion == "metadata")
  }

  @Test("two containers with the same name, and two identical ports, are duplicates")
  func duplicateListKeys() {
    let verdict = validator.validate(
      document(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: app
              image: busybox
              ports:
                - containerPort: 8080
                - containerPort: 8080
                  protocol: TCP
                - containerPort: 8080
                  protocol: UDP
            - name: app
              image: busybox
        """), versions: [v(31)])
    #expect(
      verdict.codes == [
        "schema.duplicate-list-key /spec/containers/0/ports/1",
        "schema.duplicate-list-key /spec/containers/1",
      ])
    // API validation rejects two containers of one name; a repeated port only breaks
    // server-side apply
    #expect(verdict.findings.map(\.severity) == [.warning, .error])
  }

  // kubectl and Helm send such a value as the boolean or number itself, and the API server
  // refuses it for a string field ("cannot unmarshal bool into Go struct field")
  @Test("a plain scalar YAML reads as a boolean or number, in a string field, is an error")
  func coercedString() throws {
    let verdict = validator.validate(
      document(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: flags
          labels:
            enabled: yes
            version: 1.10
            quoted: "yes"
        data:
          mode: 0644
        """), versions: [v(31)])
    #expect(
      verdict.codes == [
        "schema.coerced-string /data/mode",
        "schema.coerced-string /metadata/labels/enabled",
        "schema.coerced-string /metadata/labels/version",
      ])
    #expect(verdict.findings.allSatisfy { $0.severity == .error })
  }

  @Test("quantities, int-or-string, int32 ranges and date-times are checked")
  func formats() {
    let verdict = validator.validate(
      document(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          creationTimestamp: yesterday
        spec:
          replicas: 3000000000
          selector: {matchLabels: {app: web}}
          strategy:
            rollingUpdate: {maxSurge: true}
          template:
            spec:
              containers:
                - name: web
                  resources:
                    limits: {memory: 1.5GB, cpu: 2}
        """), versions: [v(31)])
    #expect(
      verdict.codes == [
        "schema.format /metadata/creationTimestamp",
        "schema.format /spec/replicas",
        "schema.type /spec/strategy/rollingUpdate/maxSurge",
        "schema.format /spec/template/spec/containers/0/resources/limits/memory",
      ])
  }

  @Test("a field that exists only in newer versions splits the verdict by version")
  func versionSplit() throws {
    let verdict = strict.validate(
      document(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
            - name: proxy
              image: envoy
              restartPolicy: Always
          containers:
            - {name: app, image: busybox}
        """), versions: [v(25), v(27), v(28), v(31)])
    let finding = try #require(verdict.findings.first)
    #expect(verdict.codes == ["schema.unknown-field /spec/initContainers/0/restartPolicy"])
    #expect(finding.versions == VersionSet([v(25), v(27)]))
    #expect(verdict.summary == "valid in 1.28, 1.31; invalid in 1.25, 1.27")
  }

  @Test("duplicate container names are errors in every version, before the schemas said so")
  func duplicateContainersInOldVersions() {
    let verdict = validator.validate(
      document(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: app, image: a}
            - {name: app, image: b}
        """), versions: [v(25), v(37)])
    #expect(verdict.codes == ["schema.duplicate-list-key /spec/containers/1"])
    #expect(verdict.findings.first?.versions == VersionSet([v(25), v(37)]))
  }

  @Test("each item of a List is checked as the kind it names")
  func list() {
    let verdict = validator.validate(
      document(
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            data: {ok: "1"}
          - apiVersion: v1
            kind: Service
            metadata: {name: b}
            spec: {type: Nodeport}
        """), versions: [v(31)])
    #expect(verdict.codes == ["schema.enum /items/1/spec/type"])
  }

  @Test("findings become diagnostics at the line and column of the offending node")
  func diagnosticPositions() throws {
    let root = document(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: x
        lables: {a: b}
      """)
    let verdict = strict.validate(root, versions: [v(31)])
    let finding = try #require(verdict.findings.first)
    let diagnostic = finding.diagnostic(file: "cm.yaml", root: root, checked: verdict.checked)
    #expect(diagnostic.location?.description == "cm.yaml:5:3")
    #expect(diagnostic.pointer == "/metadata/lables")
  }
}

/// Whole floats in integer fields: go-yaml v2 reads `30.0` and `1e3` as floats, and
/// encoding/json writes them back without a fraction, so the API server accepts them.
@Suite struct WholeFloatIntegerTests {
  static func findings(_ yaml: String) throws -> [String] {
    let stream = YAMLParser.parse(Array(yaml.utf8), file: "f.yaml")
    let root = try #require(stream.documents.first?.root)
    let verdict = SchemaValidator(catalog: try SchemaCatalog.bundled())
      .validate(root, versions: [KubernetesVersion(minor: 37)])
    return verdict.findings.map { "\($0.code) \($0.pointer)" }
  }

  @Test func wholeFloatsAreIntegers() throws {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  terminationGracePeriodSeconds: 30.0\n  activeDeadlineSeconds: 1e3\n  containers: [{name: a, image: a:1}]\n"
    #expect(try Self.findings(pod).isEmpty)
  }

  @Test func fractionsAndOverflowStillFail() throws {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  terminationGracePeriodSeconds: 1.5\n  containers: [{name: a, image: a:1, ports: [{containerPort: 1e10}]}]\n"
    #expect(try Self.findings(pod) == [
      "schema.format /spec/containers/0/ports/0/containerPort",
      "schema.type /spec/terminationGracePeriodSeconds",
    ])
  }
}
