import BosunCore
import Testing

@testable import BosunModel

/// Node, CustomResourceDefinition, ConfigMap, Secret, Namespace, ServiceAccount and
/// PersistentVolumeClaim views.
@Suite("Cluster and configuration objects")
struct ClusterObjectTests {
  @Test("a Node reads allocatable, labels, taints and unschedulable")
  func node() {
    let (node, issues) = ClusterNode.decode(
      yaml(
        """
        metadata:
          name: n1
          labels: {topology.kubernetes.io/zone: a}
        spec:
          unschedulable: true
          taints: [{key: gpu, value: "true", effect: NoSchedule}]
        status:
          allocatable: {cpu: 3920m, memory: 15Gi, pods: "110"}
          conditions: [{type: Ready, status: "True"}]
        """))
    #expect(issues.isEmpty)
    #expect(node.unschedulable == true)
    #expect(node.taints.first?.key == "gpu")
    #expect(node.allocatable["cpu"]?.milliValue == 3920)
    #expect(node.allocatable["pods"]?.value == 110)
    #expect(node.metadata.labels["topology.kubernetes.io/zone"] == "a")
    #expect(node.conditions["Ready"] == "True")
  }

  @Test("a CRD reads group, names, scope and each version's schema as a node")
  func crd() throws {
    let (crd, issues) = CustomResourceDefinition.decode(
      yaml(
        """
        spec:
          group: example.com
          scope: Cluster
          names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec: {type: object}
        """))
    #expect(issues.isEmpty)
    #expect(crd.group == "example.com")
    #expect(crd.isClusterScoped)
    #expect(crd.names.kind == "Widget")
    let version = try #require(crd.versions.first)
    #expect(version.hasStatusSubresource)
    #expect(version.schema?["type"]?.scalarText == "object")
    #expect(version.schemaPointer == "/spec/versions/0/schema/openAPIV3Schema")
  }

  @Test("ConfigMap, Secret, Namespace, ServiceAccount and PVC read their fields")
  func configuration() {
    let configMap = ConfigMap.decode(yaml("data: {a: \"1\"}\nbinaryData: {b: AA==}")).0
    #expect(configMap.keys == ["a", "b"])
    let secret = Secret.decode(yaml("type: kubernetes.io/tls\nstringData: {tls.crt: x}")).0
    #expect(secret.type == "kubernetes.io/tls")
    #expect(secret.keys == ["tls.crt"])
    let namespace = Namespace.decode(yaml("metadata: {name: prod}")).0
    #expect(namespace.metadata.name == "prod")
    let account = ServiceAccount.decode(yaml("automountServiceAccountToken: false")).0
    #expect(account.automountServiceAccountToken == false)
    let claim = PersistentVolumeClaim.decode(
      yaml("spec: {storageClassName: fast, resources: {requests: {storage: 5Gi}}}")
    ).0
    #expect(claim.storageClassName == "fast")
    #expect(claim.requestedStorage?.description == "5Gi")
    #expect(claim.requestedStorage?.value == Int64(5) << 30)
  }

  @Test("a data value that is a number is an issue, as the API server rejects it")
  func configMapNumber() {
    let issues = ConfigMap.decode(yaml("data: {port: 8080}")).1
    #expect(issues.map(\.pointer) == ["/data/port"])
  }
}
