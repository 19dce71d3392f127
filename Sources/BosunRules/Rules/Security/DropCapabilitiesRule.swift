import BosunCore
import BosunModel

/// A container keeps the runtime's default capabilities, NET_RAW included.
struct DropCapabilitiesRule: Rule {
  static let description = RuleDescription(
    id: "capabilities-not-dropped",
    summary: "a container drops neither ALL capabilities nor NET_RAW",
    rationale: """
      Container runtimes grant a default set of capabilities. NET_RAW among them allows forging \
      packets and spoofing on the pod network (ARP and DNS attacks); most applications need none \
      of the set.
      """,
    remediation: "add securityContext.capabilities.drop: [ALL] and add back only what is needed",
    category: .security, severity: .warning, kinds: PodSpecs.bearingKinds,
    options: [
      RuleOption(
        "requireAll", .bool, default: .bool(false),
        help: "accept only drop: [ALL], not drop: [NET_RAW]")
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
              image: nginx:1.27
              securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}
            - name: sidecar
              image: busybox:1.36
              securityContext: {capabilities: {drop: [NET_RAW]}}
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
              securityContext: {capabilities: {drop: [NET_ADMIN]}}
            - name: sidecar
              image: busybox:1.36
        """, at: "/spec/containers/0/securityContext/capabilities/drop", "/spec/containers/1"),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {capabilities: {drop: [NET_RAW]}}
        """, at: "/spec/containers/0/securityContext/capabilities/drop",
        options: ["requireAll": .bool(true)]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let accepted: Set<String> =
      context.options.bool("requireAll", default: false) ? ["ALL"] : ["ALL", "NET_RAW"]
    return PodSpecs.containers(of: object).compactMap { container in
      let located = container.located
      let drop = located["securityContext"]?["capabilities"]?["drop"]
      let dropped = Set((drop?.node.texts ?? []).map(Capabilities.normalise))
      guard dropped.isDisjoint(with: accepted) else { return nil }
      return Finding(
        at: located.deepest("securityContext", "capabilities", "drop").pointer,
        "container \(container.name) keeps the default capabilities; add capabilities.drop: [ALL]")
    }
  }
}
