import BosunCore
import BosunModel
import BosunYAML

/// Utilisation metrics of an HPA have requests to be measured against.
struct HorizontalPodAutoscalerRequestsRule: Rule {
  static let description = RuleDescription(
    id: "hpa-target-requests",
    summary: "an HPA scales on CPU or memory utilisation of containers that request none",
    rationale: """
      Utilisation is usage divided by the container's request. The autoscaler cannot compute it \
      when a container has no request for the resource (FailedGetResourceMetric), so it never \
      scales on that metric.
      """,
    remediation:
      "set resources.requests for the metric's resource on every container of the target, or scale on AverageValue instead of Utilization",
    category: .references, severity: .warning, kinds: ["HorizontalPodAutoscaler"],
    examples: [
      .passing(
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
          metrics:
            - type: Resource
              resource:
                name: cpu
                target: {type: Utilization, averageUtilization: 70}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: {cpu: 100m}
        """),
      .failing(
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
          metrics:
            - type: Resource
              resource:
                name: memory
                target: {type: Utilization, averageUtilization: 80}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: {cpu: 100m}
        """,
        at: [
          .init(
            kind: "HorizontalPodAutoscaler", name: "web",
            pointer: "/spec/metrics/0/resource/name")
        ]),
      .failing(
        """
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
          targetCPUUtilizationPercentage: 70
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """,
        at: [
          .init(
            kind: "HorizontalPodAutoscaler", name: "web",
            pointer: "/spec/targetCPUUtilizationPercentage")
        ]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    guard let ref = object.node.node(at: "/spec/scaleTargetRef"),
      let kind = ref["kind"]?.scalarText, let name = ref["name"]?.scalarText,
      let target = context.resource(kind: kind, name: name, namespace: object.identity.namespace)
    else { return [] }
    // (resource, container or nil for all, pointer of the resource name)
    var wanted: [(String, String?, JSONPointer)] = []
    if object.node.node(at: "/spec/targetCPUUtilizationPercentage") != nil {
      wanted.append(("cpu", nil, "/spec/targetCPUUtilizationPercentage"))
    }
    for (index, metric) in (object.node.node(at: "/spec/metrics")?.items ?? []).enumerated() {
      let at = JSONPointer("/spec/metrics").appending(index)
      for field in ["resource", "containerResource"] {
        guard let source = metric[field], let resource = source["name"]?.scalarText,
          source["target"]?["type"]?.scalarText == "Utilization"
        else { continue }
        wanted.append(
          (resource, source["container"]?.scalarText, at.appending(field).appending("name")))
      }
    }
    let containers = PodSpecs.containers(of: target, kinds: [.container])
    return wanted.compactMap { resource, only, pointer in
      let lacking = containers.filter { container in
        (only == nil || container.name == only)
          && container.node["resources"]?["requests"]?[resource] == nil
      }.map(\.name)
      guard !lacking.isEmpty else { return nil }
      return Finding(
        at: pointer,
        "\(kind) \(name) has containers without a \(resource) request (\(lacking.joined(separator: ", "))), so \(resource) utilisation cannot be computed; set resources.requests.\(resource)"
      )
    }
  }
}
