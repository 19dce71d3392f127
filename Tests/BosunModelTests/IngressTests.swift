import BosunCore
import Testing

@testable import BosunModel

@Suite("Ingress")
struct IngressTests {
  @Test("reads v1 rules, paths, backends and TLS")
  func v1() {
    let (ingress, issues) = Ingress.decode(
      yaml(
        """
        spec:
          ingressClassName: nginx
          tls: [{hosts: [a.example], secretName: a-tls}]
          rules:
          - host: a.example
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: web, port: {number: 80}}
              - path: /api
                pathType: Prefix
                backend:
                  service: {name: api, port: {name: http}}
        """))
    #expect(issues.isEmpty)
    #expect(ingress.ingressClassName == "nginx")
    #expect(ingress.tls.first?.secretName == "a-tls")
    #expect(ingress.backends.map(\.serviceName) == ["web", "api"])
    #expect(ingress.backends.map(\.servicePort) == [.int(80), .string("http")])
    #expect(ingress.rules[0].paths[1].backend.pointer == "/spec/rules/0/http/paths/1/backend")
  }

  @Test("reads the older serviceName/servicePort backends")
  func v1beta1() {
    let ingress = Ingress.decode(
      yaml(
        """
        spec:
          backend: {serviceName: fallback, servicePort: 8080}
          rules:
          - http:
              paths:
              - backend: {serviceName: web, servicePort: http}
        """)
    ).0
    #expect(ingress.defaultBackend?.serviceName == "fallback")
    #expect(ingress.defaultBackend?.pointer == "/spec/backend")
    #expect(ingress.backends.map(\.servicePort) == [.int(8080), .string("http")])
  }
}
