import BosunCore
import Testing

@testable import BosunModel

@Suite("ObjectView")
struct ObjectViewTests {
  let podSpec = """
    containers: [{name: a, image: a:1}]
    """

  @Test(
    "every pod-spec-bearing kind gives its pod template with the right pointer",
    arguments: [
      ("v1", "Pod", "", "/spec/containers/0"),
      ("apps/v1", "Deployment", "spec: {template: {spec: X}}", "/spec/template/spec/containers/0"),
      ("apps/v1", "ReplicaSet", "spec: {template: {spec: X}}", "/spec/template/spec/containers/0"),
      ("apps/v1", "StatefulSet", "spec: {template: {spec: X}}", "/spec/template/spec/containers/0"),
      ("apps/v1", "DaemonSet", "spec: {template: {spec: X}}", "/spec/template/spec/containers/0"),
      ("batch/v1", "Job", "spec: {template: {spec: X}}", "/spec/template/spec/containers/0"),
      (
        "batch/v1", "CronJob", "spec: {jobTemplate: {spec: {template: {spec: X}}}}",
        "/spec/jobTemplate/spec/template/spec/containers/0"
      ),
    ])
  func podTemplates(apiVersion: String, kind: String, body: String, pointer: String) throws {
    let text =
      body.isEmpty
      ? "spec: {containers: [{name: a, image: a:1}]}"
      : body.replacingOccurrences(of: "X", with: "{containers: [{name: a, image: a:1}]}")
    let (view, issues) = ObjectView.decode(apiVersion: apiVersion, kind: kind, root: yaml(text))
    #expect(issues.isEmpty)
    let template = try #require(view.podTemplate)
    #expect(template.spec.containers.first?.pointer == JSONPointer(parsing: pointer))
    #expect(ObjectView.podSpecBearingKinds.contains(kind))
  }

  @Test("kinds outside their own API group are not mistaken for built-ins")
  func foreignGroups() {
    let root = yaml("spec: {template: {}}")
    #expect(
      ObjectView.decode(apiVersion: "serving.knative.dev/v1", kind: "Service", root: root).view
        == .other)
    #expect(
      ObjectView.decode(apiVersion: "example.com/v1", kind: "Deployment", root: root).view == .other
    )
    #expect(ObjectView.decode(apiVersion: "v1", kind: "Widget", root: root).view == .other)
    #expect(ObjectView.decode(apiVersion: "v1", kind: "Service", root: root).view != .other)
  }

  @Test("kinds without a pod template have none")
  func noTemplate() {
    let view = ObjectView.decode(apiVersion: "v1", kind: "ConfigMap", root: yaml("data: {}")).view
    #expect(view.podTemplate == nil)
    #expect(view.metadata != nil)
  }

  @Test("a root that is not a mapping is one issue at the root")
  func scalarRoot() {
    let (_, issues) = ObjectView.decode(
      apiVersion: "apps/v1", kind: "Deployment", root: yaml("just text"))
    #expect(issues.map { "\($0.code) \($0.pointer)" } == ["object.field-type "])
  }

  @Test("issues become diagnostics that keep code and pointer")
  func diagnostics() {
    let (_, issues) = ObjectView.decode(
      apiVersion: "apps/v1", kind: "Deployment", root: yaml("spec: {replicas: three}"))
    let diagnostic = issues[0].diagnostic(severity: .error)
    #expect(diagnostic.code == "object.field-type")
    #expect(diagnostic.pointer == "/spec/replicas")
  }
}

@Suite("ObjectView from the root alone")
struct ObjectViewRootTests {
  @Test("reads apiVersion and kind from the document")
  func fromRoot() {
    let (view, issues) = ObjectView.decode(
      root: yaml("apiVersion: apps/v1\nkind: Deployment\nspec: {replicas: 2}"))
    #expect(issues.isEmpty)
    guard case .deployment(let deployment) = view else {
      Issue.record("expected a Deployment, got \(view)")
      return
    }
    #expect(deployment.replicas == 2)
    #expect(ObjectView.decode(root: yaml("kind: Deployment")).view == .other)
  }
}
