import BosunCore
import BosunModel

/// An image is not pinned by digest.
struct DigestPinningRule: Rule {
  static let description = RuleDescription(
    id: "image-digest-pinning",
    summary: "an image is not pinned by digest",
    rationale: """
      Tags can be moved to other images, by mistake or by an attacker with push access. Only a \
      digest guarantees that what runs is what was reviewed and scanned.
      """,
    remediation: "reference the image by digest: name@sha256:… (a tag may stay in front of it)",
    category: .images, severity: .info, optIn: true, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, at: "/spec/containers/0/image"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodSpecs.containers(of: object).compactMap { container in
      guard let text = container.node["image"]?.text, ImageReference(text).digest == nil else {
        return nil
      }
      return Finding(
        at: container.pointer.appending("image"),
        "image \(text) of container \(container.name) is not pinned by digest; append @sha256:…")
    }
  }
}
