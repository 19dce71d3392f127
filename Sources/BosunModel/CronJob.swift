public import BosunCore
public import BosunYAML

/// A `batch/v1` CronJob.
public struct CronJob: Equatable, Sendable {
  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.schedule` (cron syntax).
  public var schedule: String?
  /// `spec.timeZone`.
  public var timeZone: String?
  /// `spec.concurrencyPolicy`: `Allow` (default), `Forbid` or `Replace`.
  public var concurrencyPolicy: String?
  /// `spec.suspend`.
  public var suspend: Bool?
  /// `spec.startingDeadlineSeconds`.
  public var startingDeadlineSeconds: Int?
  /// `spec.successfulJobsHistoryLimit` (default 3).
  public var successfulJobsHistoryLimit: Int?
  /// `spec.failedJobsHistoryLimit` (default 1).
  public var failedJobsHistoryLimit: Int?
  /// `spec.jobTemplate.metadata`.
  public var jobMetadata: ObjectMeta
  /// `spec.jobTemplate.spec`.
  public var jobSpec: JobSpec
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    schedule = spec.string("schedule")
    timeZone = spec.string("timeZone")
    concurrencyPolicy = spec.string("concurrencyPolicy")
    suspend = spec.bool("suspend")
    startingDeadlineSeconds = spec.int("startingDeadlineSeconds", bits: 64)
    successfulJobsHistoryLimit = spec.int("successfulJobsHistoryLimit")
    failedJobsHistoryLimit = spec.int("failedJobsHistoryLimit")
    let jobTemplate = spec.object("jobTemplate")
    jobMetadata = ObjectMeta(jobTemplate.object("metadata"))
    jobSpec = JobSpec(jobTemplate.object("spec"))
    pointer = fields.pointer
  }

  /// Reads a CronJob, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    CronJob, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, CronJob.init)
  }
}
