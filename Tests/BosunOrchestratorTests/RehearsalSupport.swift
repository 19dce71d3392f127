import BosunCore
import BosunModel
import BosunYAML

@testable import BosunOrchestrator

/// Recorded objects from YAML documents, as a snapshot reader would give them.
func recording(_ yaml: String) -> [Resource] {
  let stream = YAMLParser.parse(Array(yaml.utf8), file: "cluster.yaml")
  return stream.documents.compactMap { document in
    let root = document.root
    guard let apiVersion = root["apiVersion"]?.scalarText, let kind = root["kind"]?.scalarText
    else { return nil }
    let (group, version) = ObjectIdentity.split(apiVersion: apiVersion)
    return Resource(
      identity: ObjectIdentity(
        group: group, version: version, kind: kind,
        namespace: root["metadata"]?["namespace"]?.scalarText,
        name: root["metadata"]?["name"]?.scalarText),
      node: root, file: "cluster.yaml", documentIndex: document.index)
  }
}

/// One plan step from a manifest: `create`, `update` (pod template changed unless said
/// otherwise) or `delete`.
func step(
  _ index: Int, _ operation: String, _ yaml: String, dependsOn: [Int] = [],
  templateChanged: Bool = true
) -> RehearsalPlan.Step {
  let resource = recording(yaml)[0]
  return RehearsalPlan.Step(
    index: index, operation: operation, action: operation, identity: resource.identity,
    dependsOn: dependsOn, manifest: operation == "delete" ? nil : resource.node,
    changedPointers: templateChanged ? ["/spec/template/spec/containers/0/image"] : [
      "/spec/replicas"
    ])
}

/// `count` nodes named worker-1... with the given allocatable cpu and memory, zones a, b, c.
func nodes(_ count: Int, cpu: String = "4", memory: String = "8Gi", extra: String = "") -> String {
  (1...count).map { index in
    """
    apiVersion: v1
    kind: Node
    metadata:
      name: worker-\(index)
      labels: {kubernetes.io/hostname: worker-\(index), topology.kubernetes.io/zone: \(["a", "b", "c"][(index - 1) % 3])}
    \(extra)
    status:
      allocatable: {cpu: "\(cpu)", memory: \(memory), pods: "110"}
      conditions: [{type: Ready, status: "True"}]
    """
  }.joined(separator: "\n---\n")
}

/// A Deployment manifest.
func deployment(
  name: String = "web", namespace: String = "shop", replicas: Int = 10, image: String,
  cpu: String = "250m", strategy: String = "", extra: String = ""
) -> String {
  """
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: \(name), namespace: \(namespace), annotations: {deployment.kubernetes.io/revision: "1"}}
  spec:
    replicas: \(replicas)
  \(strategy.isEmpty ? "" : "  strategy: \(strategy)")
  \(extra)
    selector: {matchLabels: {app: \(name)}}
    template:
      metadata: {labels: {app: \(name)}}
      spec:
        containers:
        - name: \(name)
          image: \(image)
          resources: {requests: {cpu: \(cpu), memory: 256Mi}}
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
  """
}

/// A DaemonSet manifest, `agent` in `shop`, whose pod requests `cpu`.
func daemonSet(cpu: String) -> String {
  """
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: agent, namespace: shop}
  spec:
    selector: {matchLabels: {app: agent}}
    template:
      metadata: {labels: {app: agent}}
      spec:
        containers: [{name: a, image: agent:1, resources: {requests: {cpu: "\(cpu)"}}}]
  """
}

/// A simulation seeded from a recording, with a plan executed to its end (before rollback).
func rehearse(
  _ snapshot: String, _ steps: [RehearsalPlan.Step], knobs: ScenarioKnobs = ScenarioKnobs(),
  horizon: Double = 3600
) -> (simulation: Simulation, executor: PlanExecutor, report: SimulationReport) {
  let simulation = Simulation(options: .init(horizon: horizon, knobs: knobs))
  simulation.seed(recording(snapshot))
  let plan = RehearsalPlan(steps: steps)
  let executor = simulation.execute(plan)
  return (simulation, executor, simulation.report(executor: executor, plan: plan))
}
