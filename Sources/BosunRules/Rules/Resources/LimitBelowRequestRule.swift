import BosunCore
import BosunModel

/// A container's limit is lower than its request.
struct LimitBelowRequestRule: Rule {
  static let description = RuleDescription(
    id: "limit-below-request",
    summary: "a container's limit is lower than its request",
    rationale: """
      The API server rejects a container whose request exceeds its limit ("must be less than or \
      equal to ... limit"), so the object never applies. Quantities compare by value: 1Gi is \
      1024Mi, 1000m is 1.
      """,
    remediation: "raise the limit or lower the request so that request ≤ limit",
    category: .resources, severity: .error, kinds: PodSpecs.bearingKinds,
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
              resources:
                requests: {cpu: 1000m, memory: 1Gi}
                limits: {cpu: "1", memory: 1024Mi}
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
              resources:
                requests: {cpu: 500m, memory: 1Gi}
                limits: {cpu: 250m, memory: 1000Mi}
        """, at: "/spec/containers/0/resources/requests/cpu",
        "/spec/containers/0/resources/requests/memory"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for resources in ContainerResources.of(object) {
      for pair in resources.root["resources"]?["requests"]?.node.pairs ?? [] {
        let name = pair.key.keyString
        guard let request = resources.quantity("requests", name),
          let limit = resources.quantity("limits", name), request > limit,
          let at = resources.entry("requests", name)
        else { continue }
        findings.append(
          Finding(
            at: at.pointer,
            "container \(resources.container.name) requests \(request) \(name) but is limited to \(limit); the request must not exceed the limit"
          ))
      }
    }
    return findings
  }
}
