import BosunCore
import BosunModel

/// The pod spec fails a Pod Security Standards level, control by control.
struct PodSecurityRule: Rule {
  static let description = RuleDescription(
    id: "pod-security",
    summary: "a pod spec fails a Pod Security Standards level (baseline or restricted)",
    rationale: """
      Namespaces labelled pod-security.kubernetes.io/enforce reject pods that fail their level, \
      and for workloads the rejection happens late: the Deployment applies, its ReplicaSet \
      never creates a pod. Checking the same controls before applying shows every failing \
      field at once. Restricted includes every baseline control.
      """,
    remediation: "fix each named control, or choose the level the target namespace enforces",
    category: .security, severity: .warning, optIn: true, kinds: PodSpecs.bearingKinds,
    options: [
      RuleOption(
        "level", .string, default: .string("baseline"),
        help: "baseline or restricted, as in the namespace's pod-security.kubernetes.io/enforce")
    ],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: {type: RuntimeDefault}
            sysctls: [{name: net.ipv4.ip_local_port_range, value: "1024 65535"}]
          volumes: [{name: cache, emptyDir: {}}]
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
        """, options: ["level": .string("restricted")]),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: unconfined
        spec:
          hostPID: true
          securityContext:
            sysctls: [{name: kernel.msgmax, value: "65536"}]
            seLinuxOptions: {type: spc_t}
          volumes: [{name: host, hostPath: {path: /srv}}]
          containers:
            - name: web
              image: nginx:1.27
              ports: [{containerPort: 80, hostPort: 8080}]
              securityContext:
                privileged: true
                procMount: Unmasked
                capabilities: {add: [CHOWN, SYS_ADMIN]}
                seccompProfile: {type: Unconfined}
        """, at: "/spec/hostPID", "/spec/securityContext/sysctls/0/name",
        "/spec/securityContext/seLinuxOptions/type", "/spec/volumes/0/hostPath",
        "/spec/containers/0/ports/0/hostPort", "/spec/containers/0/securityContext/privileged",
        "/spec/containers/0/securityContext/procMount",
        "/spec/containers/0/securityContext/capabilities/add/1",
        "/spec/containers/0/securityContext/seccompProfile/type",
        "/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1web"),
      .failing(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              volumes: [{name: data, nfs: {server: nfs.example.com, path: /data}}]
              containers:
                - name: web
                  image: nginx:1.27
                  securityContext:
                    runAsUser: 0
                    capabilities: {drop: [ALL], add: [CHOWN]}
        """,
        at: "/spec/template/spec/volumes/0/nfs",
        "/spec/template/spec/containers/0/securityContext",
        "/spec/template/spec/containers/0/securityContext/runAsUser",
        "/spec/template/spec/containers/0/securityContext/capabilities/add/0",
        options: ["level": .string("restricted")]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let level =
      PodSecurityStandards.Level(rawValue: context.options.string("level", default: "baseline"))
      ?? .baseline
    let violations = PodSecurityStandards.violations(of: object, level: level)
    var order: [JSONPointer] = []
    var byPointer: [JSONPointer: [PodSecurityStandards.Violation]] = [:]
    for violation in violations {
      if byPointer[violation.pointer] == nil { order.append(violation.pointer) }
      byPointer[violation.pointer, default: []].append(violation)
    }
    return order.map { pointer in
      let parts = byPointer[pointer]!.map { "\($0.control) (\($0.detail))" }
      return Finding(
        at: pointer, "fails pod security \(level.rawValue): \(parts.joined(separator: "; "))")
    }
  }
}
