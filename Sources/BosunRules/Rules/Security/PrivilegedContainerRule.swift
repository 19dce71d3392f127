import BosunCore
import BosunModel

/// A container runs privileged.
struct PrivilegedContainerRule: Rule {
  static let description = RuleDescription(
    id: "privileged-container",
    summary: "a container runs privileged",
    rationale: """
      A privileged container sees every device of the node and runs without most kernel \
      isolation: escaping to the node is trivial, so one compromised container is a compromised \
      node.
      """,
    remediation:
      "remove securityContext.privileged and add only the capabilities the process needs",
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
              securityContext: {privileged: false}
        """),
      .failing(
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              initContainers:
                - name: setup
                  image: busybox:1.36
                  securityContext: {privileged: true}
              containers:
                - name: agent
                  image: example/agent:1.0
        """, at: "/spec/template/spec/initContainers/0/securityContext/privileged"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodSpecs.containers(of: object).compactMap { container in
      guard let field = SecurityContexts.field(container, "privileged"),
        field.node.boolValue == true
      else { return nil }
      return Finding(
        at: field.pointer,
        "container \(container.name) runs privileged, with full access to the node; remove privileged and add only needed capabilities"
      )
    }
  }
}
