import BosunCore
import BosunModel

/// The ServiceAccount a pod runs as exists.
struct ServiceAccountReferenceRule: Rule {
  static let description = RuleDescription(
    id: "service-account-reference",
    summary: "a pod runs as a ServiceAccount that is not in the input",
    rationale: """
      The API server refuses to create a pod whose ServiceAccount does not exist, so a \
      workload's controller keeps failing to create pods and the rollout never starts. The \
      `default` ServiceAccount exists in every namespace.
      A warning, not an error: the object may be created outside these manifests; name such \
      objects under externalNames in .bosun.yaml.
      """,
    remediation: """
      add the ServiceAccount, fix serviceAccountName, or list the name under \
      externalNames.serviceAccounts in .bosun.yaml
      """,
    category: .references, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
        spec:
          template:
            spec:
              serviceAccountName: web
              restartPolicy: Never
              containers:
                - name: migrate
                  image: migrate:4
        """),
      .passing(
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          serviceAccountName: default
          containers:
            - name: web
              image: nginx:1.27
        """),
      .failing(
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
        spec:
          template:
            spec:
              serviceAccountName: migrator
              restartPolicy: Never
              containers:
                - name: migrate
                  image: migrate:4
        """, at: "/spec/template/spec/serviceAccountName"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodReference.dangling("ServiceAccount", from: object, in: context)
  }
}
