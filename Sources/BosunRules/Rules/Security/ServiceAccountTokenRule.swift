import BosunCore
import BosunModel

/// The pod mounts a service account token it may not need.
struct ServiceAccountTokenRule: Rule {
  static let description = RuleDescription(
    id: "automount-service-account-token",
    summary: "a pod mounts a service account token without opting out",
    rationale: """
      By default every pod gets a token for its service account mounted at \
      /var/run/secrets/kubernetes.io/serviceaccount. Most applications never call the \
      Kubernetes API, and a stolen token is a foothold in the cluster. The rule passes when \
      the pod, or its ServiceAccount in the input, sets automountServiceAccountToken: false.
      """,
    remediation: "set automountServiceAccountToken: false in the pod spec or on its ServiceAccount",
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          serviceAccountName: web
          containers: [{name: web, image: "nginx:1.27"}]
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers: [{name: web, image: "nginx:1.27"}]
        """, at: "/spec"),
      .failing(
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          automountServiceAccountToken: true
          containers: [{name: web, image: "nginx:1.27"}]
        """, at: "/spec/automountServiceAccountToken"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let (spec, pointer) = PodSpecs.podSpec(of: object) else { return [] }
    if let field = spec["automountServiceAccountToken"] {
      guard field.boolValue == true else { return [] }
      return [
        Finding(
          at: pointer.appending("automountServiceAccountToken"),
          "pod mounts a service account token; set automountServiceAccountToken: false unless it calls the API"
        )
      ]
    }
    let account = spec["serviceAccountName"]?.text ?? spec["serviceAccount"]?.text ?? "default"
    let serviceAccount = context.resource(
      kind: "ServiceAccount", name: account, namespace: object.identity.namespace)
    if serviceAccount?.node["automountServiceAccountToken"]?.boolValue == false { return [] }
    return [
      Finding(
        at: pointer,
        "pod mounts a token for service account \(account) without opting out; set automountServiceAccountToken: false unless it calls the API"
      )
    ]
  }
}
