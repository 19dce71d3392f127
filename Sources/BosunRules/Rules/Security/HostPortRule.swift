import BosunCore
import BosunModel

/// A container binds a port on the node.
struct HostPortRule: Rule {
  static let description = RuleDescription(
    id: "host-port",
    summary: "a container binds a node port with hostPort",
    rationale: """
      hostPort binds the port on the node's address, bypassing Services and NetworkPolicy, and \
      allows only one such pod per node, which blocks rollouts and scheduling.
      """,
    remediation: "remove hostPort and expose the pod through a Service",
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
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
              ports: [{containerPort: 80, hostPort: 0}]
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
              ports:
                - containerPort: 80
                - containerPort: 443
                  hostPort: 443
        """, at: "/spec/containers/0/ports/1/hostPort"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for container in PodSpecs.containers(of: object) {
      for port in container.located["ports"]?.items ?? [] {
        guard let hostPort = port["hostPort"], let number = hostPort.node.intValue, number != 0
        else { continue }
        findings.append(
          Finding(
            at: hostPort.pointer,
            "container \(container.name) binds hostPort \(number) on the node; remove it and use a Service"
          ))
      }
    }
    return findings
  }
}
