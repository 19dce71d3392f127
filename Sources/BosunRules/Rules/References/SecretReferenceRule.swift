import BosunCore
import BosunModel

/// Secrets that pods read exist, with the keys they read.
struct SecretReferenceRule: Rule {
  static let description = RuleDescription(
    id: "secret-reference",
    summary: "a pod refers to a Secret, or a Secret key, that is not in the input",
    rationale: """
      A pod whose volume, environment or image pull secret names a missing Secret (or key) \
      does not start, or cannot pull its image; the rollout stalls until the Secret appears.
      A warning, not an error: the object may be created outside these manifests; name such \
      objects under externalNames in .bosun.yaml.
      """,
    remediation: """
      add the Secret (or key), fix the name, mark the reference `optional: true`, or list the \
      name under externalNames.secrets in .bosun.yaml when it is created outside these manifests
      """,
    category: .references, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: tls-cert
        type: kubernetes.io/tls
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
          volumes:
            - name: tls
              secret:
                secretName: tls-cert
        """),
      .failing(
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        stringData:
          username: app
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          imagePullSecrets:
            - name: registry
          containers:
            - name: web
              image: nginx:1.27
              env:
                - name: DB_PASSWORD
                  valueFrom:
                    secretKeyRef:
                      name: db
                      key: password
        """,
        at: [
          .init(kind: "Pod", name: "web", pointer: "/spec/imagePullSecrets/0/name"),
          .init(
            kind: "Pod", name: "web",
            pointer: "/spec/containers/0/env/0/valueFrom/secretKeyRef/key"),
        ]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodReference.dangling("Secret", from: object, in: context, dataFields: ["data", "stringData"])
  }
}
