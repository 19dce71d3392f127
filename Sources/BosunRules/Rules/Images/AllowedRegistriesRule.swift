import BosunCore
import BosunModel

/// An image comes from a registry outside the configured list.
struct AllowedRegistriesRule: Rule {
  static let description = RuleDescription(
    id: "allowed-registries",
    summary: "an image comes from a registry outside the configured list",
    rationale: """
      Pulling from arbitrary registries bypasses the scanning, signing and availability that an \
      organisation's own registry or mirror provides. The rule is off while the list is empty.
      """,
    remediation: "push the image to an allowed registry and reference it there",
    category: .images, severity: .warning, kinds: PodSpecs.bearingKinds,
    options: [
      RuleOption(
        "registries", .stringList, default: .array([]),
        help: "allowed registries or repository prefixes (docker.io, ghcr.io/acme); empty: off")
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
              image: ghcr.io/acme/web:1.0
            - name: proxy
              image: nginx:1.27
        """, options: ["registries": .array([.string("ghcr.io/acme"), .string("docker.io")])]),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: ghcr.io/acmecorp/web:1.0
            - name: proxy
              image: nginx:1.27
        """, at: "/spec/containers/0/image", "/spec/containers/1/image",
        options: ["registries": .array([.string("ghcr.io/acme")])]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let allowed = context.options.strings("registries", default: []).map {
      $0.hasSuffix("/") ? String($0.dropLast()) : $0
    }
    guard !allowed.isEmpty else { return [] }
    return PodSpecs.containers(of: object).compactMap { container in
      guard let text = container.node["image"]?.text else { return nil }
      let name = ImageReference(text).fullName
      guard !allowed.contains(where: { name == $0 || name.hasPrefix($0 + "/") }) else {
        return nil
      }
      return Finding(
        at: container.pointer.appending("image"),
        "image \(text) of container \(container.name) comes from \(name), outside the allowed registries; use \(allowed.joined(separator: ", "))"
      )
    }
  }
}
