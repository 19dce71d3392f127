import BosunCore
import BosunModel

/// PersistentVolumeClaims that pods mount exist.
struct PersistentVolumeClaimReferenceRule: Rule {
  static let description = RuleDescription(
    id: "pvc-reference",
    summary: "a pod mounts a PersistentVolumeClaim that is not in the input",
    rationale: """
      A pod that mounts a missing claim stays Pending: the scheduler will not place it until \
      the claim exists and is bound.
      A warning, not an error: the object may be created outside these manifests; name such \
      objects under externalNames in .bosun.yaml.
      """,
    remediation: """
      add the PersistentVolumeClaim, fix claimName, use volumeClaimTemplates on a StatefulSet, \
      or list the name under externalNames.persistentVolumeClaims in .bosun.yaml
      """,
    category: .references, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 1Gi
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: db
        spec:
          containers:
            - name: db
              image: postgres:17
          volumes:
            - name: data
              persistentVolumeClaim:
                claimName: data
        """),
      .failing(
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: db
        spec:
          containers:
            - name: db
              image: postgres:17
          volumes:
            - name: data
              persistentVolumeClaim:
                claimName: data
        """, at: "/spec/volumes/0/persistentVolumeClaim/claimName"),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodReference.dangling("PersistentVolumeClaim", from: object, in: context)
  }
}
