import BosunCore
import BosunModel
import BosunYAML

/// Every Service an Ingress routes to exists and has the port it names.
struct IngressBackendRule: Rule {
  static let description = RuleDescription(
    id: "ingress-backend",
    summary: "an Ingress backend names a Service, or a Service port, that is not in the input",
    rationale: """
      The ingress controller answers requests for a backend whose Service or port does not \
      exist with 503 errors; nothing fails at apply time, so the mistake surfaces as an outage.
      A warning, not an error: the object may be created outside these manifests; name such \
      objects under externalNames in .bosun.yaml.
      """,
    remediation: """
      fix the backend's service name or port (number or name) to match the Service, add the \
      Service, or list it under externalNames.services in .bosun.yaml
      """,
    category: .references, severity: .warning, kinds: ["Ingress"],
    examples: [
      .passing(
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
        spec:
          defaultBackend:
            service:
              name: web
              port:
                name: http
          rules:
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 80
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - name: http
              port: 80
        """),
      .failing(
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 8080
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port:
                          name: http
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - name: http
              port: 80
        """,
        at: [
          .init(
            kind: "Ingress", name: "shop",
            pointer: "/spec/rules/0/http/paths/0/backend/service/port/number"),
          .init(
            kind: "Ingress", name: "shop",
            pointer: "/spec/rules/0/http/paths/1/backend/service/name"),
        ]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    var backends: [(Node, JSONPointer)] = []
    if let backend = object.node.node(at: "/spec/defaultBackend") {
      backends.append((backend, "/spec/defaultBackend"))
    }
    for (r, rule) in (object.node.node(at: "/spec/rules")?.items ?? []).enumerated() {
      for (p, path) in (rule["http"]?["paths"]?.items ?? []).enumerated() {
        guard let backend = path["backend"] else { continue }
        backends.append(
          (
            backend,
            JSONPointer("/spec/rules").appending(r).appending(contentsOf: ["http", "paths"])
              .appending(p).appending("backend")
          ))
      }
    }
    return backends.flatMap { check($0.0, at: $0.1, object, context) }
  }

  private func check(
    _ backend: Node, at pointer: JSONPointer, _ object: Resource, _ context: RuleContext
  )
    -> [Finding]
  {
    guard let service = backend["service"], let name = service["name"]?.scalarText else {
      return []
    }
    let at = pointer.appending("service")
    let namespace = object.identity.namespace
    let target: Resource
    switch context.lookup(kind: "Service", name: name, namespace: namespace) {
    case .found(let found): target = found
    case .external: return []
    case .missing:
      return [
        Finding(
          at: at.appending("name"),
          "Service \(name) is not in the input (namespace \(namespace ?? "-")); requests to this backend would fail with 503"
        )
      ]
    }
    let ports = target.node["spec"]?["ports"]?.items ?? []
    if let number = service["port"]?["number"], case .int(let wanted) = number.resolved,
      !ports.contains(where: { $0["port"]?.resolved == .int(wanted) })
    {
      return [
        Finding(
          at: at.appending(contentsOf: ["port", "number"]),
          "Service \(name) has no port \(wanted); use one of its ports")
      ]
    }
    if let portName = service["port"]?["name"]?.scalarText,
      !ports.contains(where: { $0["name"]?.scalarText == portName })
    {
      return [
        Finding(
          at: at.appending(contentsOf: ["port", "name"]),
          "Service \(name) has no port named \(portName); use one of its port names")
      ]
    }
    return []
  }
}

extension JSONPointer {
  /// The pointer further down by several keys.
  fileprivate func appending(contentsOf keys: [String]) -> JSONPointer {
    keys.reduce(self) { $0.appending($1) }
  }
}
