import BosunCore
import BosunReport
import BosunYAML

/// One hand-made `bosun check` result that exercises every corner the renderers must handle:
/// several files (one with a space in its name), helm `# Source:` templates, a note with a
/// position and one without, a finding with no location, a YAML error that belongs to no object,
/// an object too broken to name, a skipped object, wide characters in a code frame, and a
/// message full of characters that each format must escape.
enum ReportFixture {
  static let webYAML = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: shop
      annotations:
        description: "ウェブ 🚀 frontend"
        owner: team-web
        description: duplicate
    spec:
      replicas: 2
      template:
        spec:
          containers:
            - name: web
              image: nginx:latest

    """

  static let chartYAML = """
    ---
    # Source: shop/templates/secret.yaml
    apiVersion: v1
    kind: Secret
    metadata:
      name: db-credentials
      namespace: shop
    stringData:
      password: "p@ss,w:rd"
    ---
    # Source: shop/templates/service.yaml
    apiVersion: v1
    kind: Service
    metadata:
      name: web
      namespace: shop
    spec:
      selector:
        app: web-frontend
    ---

    """

  static let brokenYAML = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
    \tname: broken
    ---
    apiVersion: v1
    metadata:
      name: orphan

    """

  static let extraYAML = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings

    """

  static let deployment = ObjectReference(
    apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web")
  static let secret = ObjectReference(
    apiVersion: "v1", kind: "Secret", namespace: "shop", name: "db-credentials")
  static let service = ObjectReference(
    apiVersion: "v1", kind: "Service", namespace: "shop", name: "web")
  static let configMap = ObjectReference(
    apiVersion: "v1", kind: "ConfigMap", namespace: nil, name: "settings")

  static func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  static let defaultVersion = Diagnostic(
    .info, code: "config.default-kubernetes-version",
    message: "no --kubernetes-version given; checked against 1.31, the newest bundled version")
  static let tabIndent = Diagnostic(
    .error, code: "yaml.syntax",
    message: "found a tab where indentation was expected; indent with spaces",
    location: at("broken.yaml", 4, 1))
  static let missingKind = Diagnostic(
    .error, code: "object.missing-kind",
    message: "document has no kind; add one such as `kind: ConfigMap`",
    location: at("broken.yaml", 6, 1), pointer: .root)
  static let skipped = Diagnostic(
    .info, code: "config.skipped", message: "not checked: ConfigMap is excluded by configuration",
    location: at("k8s/extra config.yaml", 1, 1), object: configMap)
  static let emoji = Diagnostic(
    .warning, code: "meta.non-ascii-annotation",
    message: "annotation value contains an emoji, which some tools mangle",
    location: at("k8s/web.yaml", 7, 23), pointer: "/metadata/annotations/description",
    object: deployment)
  static let duplicateKey = Diagnostic(
    .error, code: "yaml.duplicate-key", message: "duplicate key \"description\"; keep one",
    location: at("k8s/web.yaml", 9, 5), pointer: "/metadata/annotations/description",
    object: deployment, notes: [.init("first defined here", at: at("k8s/web.yaml", 7, 5))])
  static let latestTag = Diagnostic(
    .error, code: "no-latest-tag",
    message: "image \"nginx:latest\" is not pinned; use a version tag or a digest",
    location: at("k8s/web.yaml", 16, 18), pointer: "/spec/template/spec/containers/0/image",
    object: deployment)
  static let plainSecret = Diagnostic(
    .warning, code: "secret.plain-text",
    message:
      "stringData \"password\" is 100% readable in the repository: value \"p@ss,w:rd\" <&> 'x'",
    location: at("rendered/chart.yaml", 9, 3), pointer: "/stringData/password", object: secret,
    templateSource: "shop/templates/secret.yaml")
  static let selectsNothing = Diagnostic(
    .error, code: "service-selects-nothing",
    message: "selector app=web-frontend matches no pod template in the input",
    location: at("rendered/chart.yaml", 19, 5), pointer: "/spec/selector", object: service,
    templateSource: "shop/templates/service.yaml",
    notes: [
      .init("pods of Deployment/shop/web are labelled here", at: at("k8s/web.yaml", 4, 3)),
      .init("check the labels in the pod template, not the Deployment's own"),
    ])

  static let report = {
    var report = CheckReport(
      diagnostics: [
        defaultVersion, tabIndent, missingKind, skipped, emoji, duplicateKey, latestTag,
        plainSecret,
        selectsNothing,
      ],
      objects: [
        ObjectResult(
          reference: nil, location: at("broken.yaml", 6, 1), templateSource: nil, status: .error,
          diagnostics: [missingKind]),
        ObjectResult(
          reference: configMap, location: at("k8s/extra config.yaml", 1, 1), templateSource: nil,
          status: .skipped, diagnostics: [skipped]),
        ObjectResult(
          reference: deployment, location: at("k8s/web.yaml", 1, 1), templateSource: nil,
          status: .invalid, diagnostics: [emoji, duplicateKey, latestTag]),
        ObjectResult(
          reference: secret, location: at("rendered/chart.yaml", 3, 1),
          templateSource: "shop/templates/secret.yaml", status: .valid, diagnostics: [plainSecret]),
        ObjectResult(
          reference: service, location: at("rendered/chart.yaml", 12, 1),
          templateSource: "shop/templates/service.yaml", status: .invalid,
          diagnostics: [selectsNothing]),
      ],
      summary: CheckSummary(
        files: 4, documents: 7, objects: [.valid: 1, .invalid: 2, .error: 1, .skipped: 1],
        emptyDocuments: 1, findings: [.error: 5, .warning: 2, .info: 2]),
      sources: [
        "k8s/web.yaml": SourceText(file: "k8s/web.yaml", bytes: Array(webYAML.utf8)),
        "rendered/chart.yaml": SourceText(
          file: "rendered/chart.yaml", bytes: Array(chartYAML.utf8)),
        "broken.yaml": SourceText(file: "broken.yaml", bytes: Array(brokenYAML.utf8)),
        "k8s/extra config.yaml": SourceText(
          file: "k8s/extra config.yaml", bytes: Array(extraYAML.utf8)),
      ],
      codes: [
        "yaml.syntax": CodeInfo(
          code: "yaml.syntax", summary: "the input is not valid YAML", defaultSeverity: .error),
        "yaml.duplicate-key": CodeInfo(
          code: "yaml.duplicate-key", summary: "a mapping repeats a key", defaultSeverity: .error),
        "object.missing-kind": CodeInfo(
          code: "object.missing-kind", summary: "a document has no kind", defaultSeverity: .error),
        "config.skipped": CodeInfo(
          code: "config.skipped", summary: "an object was excluded from checking",
          defaultSeverity: .info),
        "meta.non-ascii-annotation": CodeInfo(
          code: "meta.non-ascii-annotation", summary: "an annotation value is not plain ASCII",
          defaultSeverity: .warning),
        "no-latest-tag": CodeInfo(
          code: "no-latest-tag", summary: "container images must be pinned",
          defaultSeverity: .error, helpURI: "https://example.com/bosun/rules/no-latest-tag"),
        "secret.plain-text": CodeInfo(
          code: "secret.plain-text", summary: "a Secret carries plain-text data",
          defaultSeverity: .warning),
        "service-selects-nothing": CodeInfo(
          code: "service-selects-nothing", summary: "a Service selects no pods",
          defaultSeverity: .error,
          helpURI: "https://example.com/bosun/rules/service-selects-nothing"),
      ],
      toolVersion: "0.1.0-test")
    report.toolInformationURI = "https://example.com/bosun"
    return report
  }()
}
