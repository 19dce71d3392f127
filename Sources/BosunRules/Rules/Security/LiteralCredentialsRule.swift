import BosunCore
import BosunModel

/// An environment variable named like a credential holds a literal value.
struct LiteralCredentialsRule: Rule {
  static let description = RuleDescription(
    id: "env-literal-credentials",
    summary: "an environment variable named like a credential holds a literal value",
    rationale: """
      A password or token written into a manifest ends up in version control, in every \
      rendered chart and in the object itself, readable by anyone who can read the workload. \
      The rule looks at variable names made of words such as PASSWORD, TOKEN, SECRET or KEY, \
      skips names ending in FILE, PATH, NAME, URL and the like (they point at a credential), \
      and never prints the value it found.
      """,
    remediation: "store the value in a Secret and use valueFrom.secretKeyRef",
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
    options: [
      RuleOption(
        "words", .stringList,
        default: .array(
          [
            "PASSWORD", "PASSWD", "PASS", "PWD", "TOKEN", "SECRET", "KEY", "APIKEY", "CREDENTIAL",
            "CREDENTIALS", "PRIVATE",
          ].map(Value.string)),
        help: "words (between _ - or .) that mark a variable name as a credential")
    ],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: example/web:1.0
              env:
                - {name: KEYCLOAK_URL, value: "https://id.example.com"}
                - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                - {name: API_TOKEN, value: ""}
                - {name: TLS_KEY_FILE, value: /etc/tls/tls.key}
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: example/web:1.0
              env:
                - name: LOG_LEVEL
                  value: debug
                - name: db-password
                  value: hunter2
                - name: STRIPE_API_KEY
                  value: sk_live_abc
        """, at: "/spec/containers/0/env/1/value", "/spec/containers/0/env/2/value"),
    ])

  /// Last words that make the variable name a reference to a credential, not the credential
  /// (`TLS_KEY_FILE`, `API_TOKEN_PATH`, `SECRET_NAME`).
  static let referenceWords: Set<String> = [
    "FILE", "PATH", "DIR", "NAME", "URL", "URI", "HOST", "PORT", "REF", "ENABLED", "LENGTH",
  ]

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let words = Set(
      context.options.strings("words", default: ["PASSWORD", "TOKEN", "SECRET", "KEY"]))
    var findings: [Finding] = []
    for container in PodSpecs.containers(of: object) {
      for variable in container.located["env"]?.items ?? [] {
        guard let name = variable["name"]?.node.text, let value = variable["value"],
          let text = value.node.text, !text.isEmpty
        else { continue }
        let parts = name.uppercased().split(whereSeparator: { "_-.".contains($0) }).map(String.init)
        guard parts.contains(where: words.contains),
          !Self.referenceWords.contains(parts.last ?? "")
        else { continue }
        findings.append(
          Finding(
            at: value.pointer,
            "environment variable \(name) of container \(container.name) holds a literal credential; move it to a Secret and use valueFrom.secretKeyRef"
          ))
      }
    }
    return findings
  }
}
