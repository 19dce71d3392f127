import BosunCore
import BosunModel
import BosunYAML

/// Each port of a Service targets a port its pods declare, by number or by name.
struct ServiceTargetPortRule: Rule {
  static let description = RuleDescription(
    id: "service-target-port",
    summary: "a Service's targetPort is not a port the selected containers declare",
    rationale: """
      A named targetPort that no selected container declares leaves the Service without \
      endpoints for that port. A numeric one that none of the declared container ports \
      matches usually means the Service and the pods disagree on where the application \
      listens. (Pods that declare no ports at all are not checked by number: declaring ports \
      is optional.)
      """,
    remediation:
      "set targetPort to a containerPort (number) or a port name declared by the selected pods' containers",
    category: .references, severity: .warning, kinds: ["Service"],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - port: 80
              targetPort: 8080
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """),
      .passing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - name: http
              port: 80
              targetPort: http
            - name: metrics
              port: 9090
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - name: http
                  containerPort: 8080
                - containerPort: 9090
        """),
      .failing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - name: http
              port: 80
              targetPort: web-http
            - name: admin
              port: 8081
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - name: http
                  containerPort: 8080
        """,
        at: [
          .init(kind: "Service", name: "web", pointer: "/spec/ports/0/targetPort"),
          .init(kind: "Service", name: "web", pointer: "/spec/ports/1/port"),
        ]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    let selector = PodOwners.stringMap(object.node["spec"]?["selector"])
    let pods = PodOwners.selected(
      in: context, namespace: object.identity.namespace, carrying: selector
    ) {
      LabelSelector.mapSelectorMatches(selector, $0)
    }
    guard !pods.isEmpty else { return [] }
    var names: Set<String> = []
    var numbers: Set<Int64> = []
    for pod in pods {
      for container in PodSpecs.containers(of: pod, kinds: [.container, .initContainer]) {
        for port in container.node["ports"]?.items ?? [] {
          if let name = port["name"]?.scalarText { names.insert(name) }
          if case .int(let number) = port["containerPort"]?.resolved { numbers.insert(number) }
        }
      }
    }
    var findings: [Finding] = []
    for (index, port) in (object.node["spec"]?["ports"]?.items ?? []).enumerated() {
      let at = JSONPointer("/spec/ports").appending(index)
      let field = port["targetPort"] == nil ? "port" : "targetPort"
      guard let target = port[field] else { continue }
      switch target.resolved {
      // Declaring container ports is informational upstream: a container that declares none
      // may still listen anywhere, so numbers are only checked against declared ones.
      case .int(let number) where !numbers.isEmpty && !numbers.contains(number):
        findings.append(
          Finding(
            at: at.appending(field),
            "no selected container declares port \(number); declare it as a containerPort or target a declared one"
          ))
      case .string(let name) where !names.contains(name):
        findings.append(
          Finding(
            at: at.appending(field),
            "no selected container declares a port named \(name), so this Service port has no endpoints; name the container port or fix targetPort"
          ))
      default: break
      }
    }
    return findings
  }
}
