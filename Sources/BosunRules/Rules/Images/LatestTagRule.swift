import BosunCore
import BosunModel

/// An image has no tag or the `latest` tag, and no digest.
struct LatestTagRule: Rule {
  static let description = RuleDescription(
    id: "no-latest-tag",
    summary: "an image has no tag or the latest tag, and no digest",
    rationale: """
      An image without a tag means latest, which changes under you: two nodes can run different \
      code from the same manifest, a rollback redeploys the new image, and nothing records what \
      actually ran. Digests are immutable and always fine.
      """,
    remediation: "pin the image to a version tag (nginx:1.27.2) or a digest (nginx@sha256:…)",
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
              image: registry.example.com:5000/team/web:2.4.1
            - name: proxy
              image: envoyproxy/envoy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - name: migrate
              image: registry.example.com:5000/team/migrate
          containers:
            - name: web
              image: nginx:latest
        """, at: "/spec/containers/0/image", "/spec/initContainers/0/image"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodSpecs.containers(of: object).compactMap { container in
      guard let text = container.node["image"]?.text else { return nil }
      let image = ImageReference(text)
      guard image.isFloating else { return nil }
      let what = image.tag == nil ? "has no tag, so it means latest" : "uses the latest tag"
      return Finding(
        at: container.pointer.appending("image"),
        "image \(text) of container \(container.name) \(what); pin a version tag or digest")
    }
  }
}
