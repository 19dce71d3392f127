import BosunCore
import BosunModel

/// Containers set an ephemeral-storage request and limit.
struct EphemeralStorageRule: Rule {
  static let description = RuleDescription(
    id: "ephemeral-storage-unset",
    summary: "a container sets no ephemeral-storage request or limit",
    rationale: """
      Logs, emptyDir volumes and writes to the container's filesystem use node disk. Without a \
      request the scheduler ignores that use; without a limit one pod can fill the disk and get \
      every pod on the node evicted.
      """,
    remediation: "set resources.requests.ephemeral-storage and resources.limits.ephemeral-storage",
    category: .resources, severity: .info, optIn: true, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests: {ephemeral-storage: 1Gi}
                limits: {ephemeral-storage: 2Gi}
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests: {ephemeral-storage: 1Gi}
            - name: sidecar
              image: busybox:1.36
        """, at: "/spec/containers/0/resources", "/spec/containers/1"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    ContainerResources.of(object).compactMap { resources in
      let missing = ["requests", "limits"].filter {
        resources.entry($0, "ephemeral-storage") == nil
      }
      guard !missing.isEmpty else { return nil }
      let at =
        missing.count == 1
        ? resources.root.deepest("resources", missing[0]) : resources.root.deepest("resources")
      return Finding(
        at: at.pointer,
        "container \(resources.container.name) sets no ephemeral-storage \(missing.joined(separator: " or ")); set both"
      )
    }
  }
}
