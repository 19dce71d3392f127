import BosunCore
import BosunYAML
import Testing

@testable import BosunModel

@Suite("Pod")
struct PodTests {
  let manifest = yaml(
    """
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      labels: {app: web}
    spec:
      serviceAccountName: web
      initContainers:
      - name: migrate
        image: app:1.2
      - name: proxy
        image: envoy:1.30
        restartPolicy: Always
      containers:
      - name: app
        image: app:1.2
        ports:
        - {name: http, containerPort: 8080}
        env:
        - {name: MODE, value: prod}
        - name: PASSWORD
          valueFrom:
            secretKeyRef: {name: db, key: password}
        envFrom:
        - configMapRef: {name: app-config}
        resources:
          requests: {cpu: 250m, memory: 64Mi}
          limits: {memory: 128Mi}
        readinessProbe:
          httpGet: {path: /healthz, port: http}
          periodSeconds: 5
        securityContext:
          runAsNonRoot: true
          capabilities: {drop: [ALL]}
        volumeMounts:
        - {name: config, mountPath: /etc/app, readOnly: true}
      ephemeralContainers:
      - name: debug
        image: busybox
      volumes:
      - name: config
        configMap: {name: app-config}
      tolerations:
      - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
    """)

  @Test("reads containers of every role with their pointers")
  func containers() {
    let (pod, issues) = Pod.decode(manifest)
    #expect(issues.isEmpty)
    #expect(
      pod.spec.allContainers.map { "\($0.role.rawValue) \($0.name ?? "") \($0.pointer)" } == [
        "initContainers migrate /spec/initContainers/0",
        "initContainers proxy /spec/initContainers/1",
        "containers app /spec/containers/0",
        "ephemeralContainers debug /spec/ephemeralContainers/0",
      ])
    #expect(pod.spec.initContainers[1].isSidecar)
    #expect(!pod.spec.initContainers[0].isSidecar)
  }

  @Test("reads container details")
  func details() throws {
    let app = Pod.decode(manifest).0.spec.containers[0]
    #expect(app.ports.first?.containerPort == 8080)
    #expect(app.ports.first?.pointer == "/spec/containers/0/ports/0")
    #expect(app.env.map(\.name) == ["MODE", "PASSWORD"])
    #expect(app.env[1].keyReference?.isSecret == true)
    #expect(app.env[1].keyReference?.name == "db")
    #expect(app.envFrom.first?.configMapName == "app-config")
    #expect(app.resources.requests["cpu"] == (try Quantity(parsing: "0.25")))
    #expect(app.resources.effectiveRequest("memory")?.description == "64Mi")
    #expect(app.resources.limits["cpu"] == nil)
    #expect(app.resources.pointer == "/spec/containers/0/resources")
    #expect(
      app.readinessProbe?.action == .httpGet(path: "/healthz", port: .string("http"), scheme: nil))
    #expect(app.readinessProbe?.periodSeconds == 5)
    #expect(app.livenessProbe == nil)
    #expect(app.securityContext?.runAsNonRoot == true)
    #expect(app.securityContext?.capabilitiesDrop == ["ALL"])
    #expect(app.volumeMounts.first?.readOnly == true)
  }

  @Test("reads pod-level fields")
  func podLevel() {
    let pod = Pod.decode(manifest).0
    #expect(pod.metadata.labels == ["app": "web"])
    #expect(pod.spec.serviceAccountName == "web")
    #expect(pod.spec.volumes.first?.sourceKind == "configMap")
    #expect(pod.spec.volumes.first?.configMapName == "app-config")
    #expect(pod.spec.tolerations.first?.pointer == "/spec/tolerations/0")
    #expect(pod.template.pointer == .root)
    #expect(pod.template.spec.pointer == "/spec")
  }

  @Test("a toleration tolerates a taint as upstream ToleratesTaint does")
  func tolerations() {
    let taint = ClusterNode.Taint(key: "dedicated", value: "web", effect: "NoSchedule")
    let toleration = Pod.decode(manifest).0.spec.tolerations[0]
    #expect(toleration.tolerates(taint))
    #expect(!toleration.tolerates(.init(key: "dedicated", value: "db", effect: "NoSchedule")))
    #expect(!toleration.tolerates(.init(key: "dedicated", value: "web", effect: "NoExecute")))
    let everything = Toleration.decodeForTest(yaml("operator: Exists"))
    #expect(everything.tolerates(taint))
  }

  @Test("wrong shapes are issues at the exact pointer, and the rest still reads")
  func wrongShapes() {
    let node = yaml(
      """
      kind: Pod
      spec:
        containers:
        - name: app
          image: 42
          ports: http
          resources:
            requests: {cpu: lots, memory: [1Gi]}
        - just-a-string
        volumes: {name: x}
      """)
    let (pod, issues) = Pod.decode(node)
    #expect(
      issues.map { "\($0.code) \($0.pointer)" } == [
        "object.field-type /spec/containers/0/image",
        "object.field-type /spec/containers/0/ports",
        "object.field-value /spec/containers/0/resources/requests/cpu",
        "object.field-type /spec/containers/0/resources/requests/memory",
        "object.field-type /spec/containers/1",
        "object.field-type /spec/volumes",
      ])
    #expect(pod.spec.containers.map(\.name) == ["app", nil])
    #expect(pod.spec.containers[0].image == nil)
    #expect(issues[0].message == "`image` must be a string, found the number 42")
    #expect(
      issues[4].message
        == "item 1 of `containers` must be a mapping, found the string \"just-a-string\"")
  }
}

extension Toleration {
  fileprivate static func decodeForTest(_ node: BosunYAML.Node) -> Toleration {
    FieldReader.decode(node, at: .root, Toleration.init).0
  }
}
