import BosunCore
import BosunModel

/// A floating image tag combined with a pull policy that keeps whatever the node cached.
struct PullPolicyRule: Rule {
  static let description = RuleDescription(
    id: "pull-policy-floating-tag",
    summary: "a floating image tag is pulled with imagePullPolicy IfNotPresent or Never",
    rationale: """
      With latest (or no tag) and IfNotPresent or Never, each node runs whichever image it \
      pulled first: pods of one Deployment run different code and a new push never arrives. \
      Kubernetes defaults the policy to Always for such images precisely to avoid this.
      """,
    remediation: "pin a version tag or digest, or drop imagePullPolicy so it defaults to Always",
    category: .images, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              imagePullPolicy: IfNotPresent
            - name: tools
              image: busybox
              imagePullPolicy: Always
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:latest
              imagePullPolicy: IfNotPresent
        """, at: "/spec/containers/0/imagePullPolicy"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodSpecs.containers(of: object).compactMap { container in
      guard let text = container.node["image"]?.text, ImageReference(text).isFloating,
        let policy = container.node["imagePullPolicy"]?.text, policy != "Always"
      else { return nil }
      return Finding(
        at: container.pointer.appending("imagePullPolicy"),
        "container \(container.name) pulls floating image \(text) with policy \(policy), so nodes keep stale copies; pin the image or use Always"
      )
    }
  }
}
