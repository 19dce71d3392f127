import BosunCore
import BosunModel

/// A StatefulSet's serviceName names a headless Service.
struct StatefulSetServiceRule: Rule {
  static let description = RuleDescription(
    id: "statefulset-headless-service",
    summary: "a StatefulSet's serviceName names no Service, or one that is not headless",
    rationale: """
      A StatefulSet gives each pod a stable DNS name (`web-0.web.ns.svc`) through the governing \
      Service named by serviceName. Without that Service, or when it has a cluster IP, the \
      per-pod names do not resolve and peers cannot find each other.
      """,
    remediation:
      "add a Service with clusterIP: None and this name, selecting the StatefulSet's pods",
    category: .references, severity: .warning, kinds: ["StatefulSet"],
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: db
        spec:
          clusterIP: None
          selector: {app: db}
          ports:
            - port: 5432
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          selector:
            matchLabels: {app: db}
          template:
            metadata:
              labels: {app: db}
            spec:
              containers:
                - name: db
                  image: postgres:17
        """),
      .failing(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: db
        spec:
          selector: {app: db}
          ports:
            - port: 5432
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          selector:
            matchLabels: {app: db}
          template:
            metadata:
              labels: {app: db}
            spec:
              containers:
                - name: db
                  image: postgres:17
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: cache
        spec:
          serviceName: cache
          selector:
            matchLabels: {app: cache}
          template:
            metadata:
              labels: {app: cache}
            spec:
              containers:
                - name: cache
                  image: redis:7
        """,
        at: [
          .init(kind: "StatefulSet", name: "db", pointer: "/spec/serviceName"),
          .init(kind: "StatefulSet", name: "cache", pointer: "/spec/serviceName"),
        ]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let name = object.node.node(at: "/spec/serviceName")?.scalarText, !name.isEmpty else {
      return []
    }
    let namespace = object.identity.namespace
    let service: Resource
    switch context.lookup(kind: "Service", name: name, namespace: namespace) {
    case .found(let found): service = found
    case .external: return []
    case .missing:
      return [
        Finding(
          at: "/spec/serviceName",
          "Service \(name) is not in the input (namespace \(namespace ?? "-")); add a headless Service (clusterIP: None) with this name"
        )
      ]
    }
    guard service.node.node(at: "/spec/clusterIP")?.scalarText != "None" else { return [] }
    return [
      Finding(
        at: "/spec/serviceName",
        "Service \(name) is not headless, so pods get no stable DNS names; set its spec.clusterIP to None"
      )
    ]
  }
}
