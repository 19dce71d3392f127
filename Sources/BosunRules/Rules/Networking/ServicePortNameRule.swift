import BosunCore
import BosunModel

/// Service ports that must, or should, be named.
struct ServicePortNameRule: Rule {
  static let description = RuleDescription(
    id: "service-port-name",
    summary: "a Service port lacks a name it needs, or repeats one",
    rationale: """
      The API server rejects a Service with several ports when any of them has no name, or \
      when two share one. A single port that sets appProtocol or a named targetPort should be \
      named too: EndpointSlices, Ingress backends and service meshes refer to ports by name, \
      and adding a second port later then forces a rename.
      """,
    remediation: "name every Service port (http, grpc, metrics) with a unique name",
    category: .networking, severity: .error, kinds: ["Service"],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports:
            - {name: http, port: 80, targetPort: http}
            - {name: metrics, port: 9100}
        """),
      .failing(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports:
            - {name: http, port: 80}
            - {port: 443}
            - {name: http, port: 8080}
        """, at: "/spec/ports/1", "/spec/ports/2/name"),
      .failing(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports:
            - {port: 80, targetPort: http, appProtocol: http}
        """, at: "/spec/ports/0"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let ports = Located(node: object.node, pointer: .root)["spec"]?["ports"]?.items ?? []
    var findings: [Finding] = []
    var seen: Set<String> = []
    for port in ports {
      guard let name = port["name"]?.node.text, !name.isEmpty else {
        if ports.count > 1 {
          findings.append(
            Finding(
              at: port.pointer, "service has several ports, so each needs a name; name this one"))
        } else if port["appProtocol"] != nil
          || port["targetPort"]?.node.intValue == nil
            && port["targetPort"] != nil
        {
          findings.append(
            Finding(
              at: port.pointer,
              "port uses appProtocol or a named targetPort but has no name; name it",
              severity: .info))
        }
        continue
      }
      if !seen.insert(name).inserted {
        findings.append(
          Finding(at: port.pointer.appending("name"), "port name \(name) is used twice; rename one")
        )
      }
    }
    return findings
  }
}
