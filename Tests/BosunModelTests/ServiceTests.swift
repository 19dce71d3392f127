import BosunCore
import Testing

@testable import BosunModel

@Suite("Service")
struct ServiceTests {
  @Test("reads type, ports, selector and cluster IP")
  func reads() {
    let (service, issues) = Service.decode(
      yaml(
        """
        spec:
          type: NodePort
          clusterIP: None
          selector: {app: web}
          ports:
          - {name: http, port: 80, targetPort: http, nodePort: 30080}
          - {port: 443, targetPort: 8443, protocol: TCP}
        """))
    #expect(issues.isEmpty)
    #expect(service.type == "NodePort")
    #expect(service.isHeadless)
    #expect(service.selector == ["app": "web"])
    #expect(service.ports.map(\.targetPort) == [.string("http"), .int(8443)])
    #expect(service.ports[1].pointer == "/spec/ports/1")
    #expect(LabelSelector.mapSelectorMatches(service.selector, ["app": "web", "x": "y"]))
  }

  @Test("a Service without a selector keeps nil, so it selects nothing")
  func noSelector() {
    let service = Service.decode(yaml("spec: {ports: [{port: 80}]}")).0
    #expect(service.selector == nil)
    #expect(service.selectorPointer == "/spec/selector")
    #expect(!LabelSelector.mapSelectorMatches(service.selector, ["app": "web"]))
  }

  @Test("a port written as a string is an issue at the port")
  func wrongPort() {
    let issues = Service.decode(yaml("spec: {ports: [{port: \"80\"}]}")).1
    #expect(issues.map(\.pointer) == ["/spec/ports/0/port"])
  }
}
