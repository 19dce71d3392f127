import BosunCore
import Testing

@testable import BosunModel

/// StatefulSet, DaemonSet, ReplicaSet, Job and CronJob views.
@Suite("Workloads")
struct WorkloadTests {
  @Test("StatefulSet reads serviceName, policy, partition and claim templates")
  func statefulSet() {
    let (set, issues) = StatefulSet.decode(
      yaml(
        """
        spec:
          replicas: 3
          serviceName: db
          podManagementPolicy: Parallel
          updateStrategy:
            type: RollingUpdate
            rollingUpdate: {partition: 2, maxUnavailable: 1}
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: postgres:16}]
          volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 10Gi}}
        """))
    #expect(issues.isEmpty)
    #expect(set.serviceName == "db")
    #expect(set.podManagementPolicy == "Parallel")
    #expect(set.updateStrategy.partition == 2)
    #expect(set.volumeClaimTemplates.first?.requestedStorage?.description == "10Gi")
    #expect(set.volumeClaimTemplates.first?.pointer == "/spec/volumeClaimTemplates/0")
  }

  @Test("DaemonSet and ReplicaSet read their rollout fields")
  func daemonSetAndReplicaSet() {
    let daemon = DaemonSet.decode(
      yaml("spec: {updateStrategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}}")
    ).0
    #expect(daemon.updateStrategy.maxSurge == .int(1))
    let replicas = ReplicaSet.decode(yaml("spec: {replicas: 2, minReadySeconds: 5}")).0
    #expect(replicas.replicas == 2)
    #expect(replicas.minReadySeconds == 5)
  }

  @Test("Job and CronJob read the job spec, and the CronJob's template pointer is nested")
  func jobs() {
    let job = Job.decode(
      yaml(
        """
        spec:
          completions: 5
          parallelism: 2
          backoffLimit: 1
          activeDeadlineSeconds: 600
          template:
            spec:
              restartPolicy: Never
              containers: [{name: run, image: tool:1}]
        """)
    ).0
    #expect(job.spec.completions == 5)
    #expect(job.spec.parallelism == 2)
    #expect(job.spec.backoffLimit == 1)
    #expect(job.spec.activeDeadlineSeconds == 600)
    #expect(job.spec.template.spec.restartPolicy == "Never")

    let cron = CronJob.decode(
      yaml(
        """
        spec:
          schedule: "*/5 * * * *"
          timeZone: Europe/Paris
          concurrencyPolicy: Forbid
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: run, image: tool:1}]
        """)
    ).0
    #expect(cron.schedule == "*/5 * * * *")
    #expect(cron.timeZone == "Europe/Paris")
    #expect(cron.concurrencyPolicy == "Forbid")
    #expect(
      cron.jobSpec.template.spec.containers.first?.pointer
        == "/spec/jobTemplate/spec/template/spec/containers/0")
  }
}
