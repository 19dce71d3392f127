public import BosunCore

/// A Job's `spec`, in a Job or in a CronJob's `jobTemplate`.
public struct JobSpec: Equatable, Sendable {
  /// `completions`.
  public var completions: Int?
  /// `parallelism` (default 1).
  public var parallelism: Int?
  /// `backoffLimit` (default 6).
  public var backoffLimit: Int?
  /// `activeDeadlineSeconds`.
  public var activeDeadlineSeconds: Int?
  /// `ttlSecondsAfterFinished`.
  public var ttlSecondsAfterFinished: Int?
  /// `completionMode`: `NonIndexed` (default) or `Indexed`.
  public var completionMode: String?
  /// `suspend`.
  public var suspend: Bool?
  /// `manualSelector`.
  public var manualSelector: Bool?
  /// `selector` (usually generated).
  public var selector: LabelSelector?
  /// `template`.
  public var template: PodTemplateSpec
  /// Where the spec is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    completions = fields.int("completions")
    parallelism = fields.int("parallelism")
    backoffLimit = fields.int("backoffLimit")
    activeDeadlineSeconds = fields.int("activeDeadlineSeconds", bits: 64)
    ttlSecondsAfterFinished = fields.int("ttlSecondsAfterFinished")
    completionMode = fields.string("completionMode")
    suspend = fields.bool("suspend")
    manualSelector = fields.bool("manualSelector")
    selector = LabelSelector.read(fields.object("selector"))
    template = PodTemplateSpec(fields.object("template"))
    pointer = fields.pointer
  }
}
