public import BosunModel

/// A pod template as the simulation uses it, computed once and shared by every pod made from
/// it: requests, scheduling constraints and kubelet behaviour.
public final class PodBlueprint: Sendable {
  /// A short hash of the template, like the `pod-template-hash` label: equal templates give
  /// equal hashes.
  public let templateHash: String
  /// The template's labels.
  public let labels: [String: String]
  /// The pod spec.
  public let spec: PodSpec
  /// What the pod asks of a node.
  public let requests: PodRequests
  /// Where the pod may go.
  public let constraints: SchedulingConstraints
  /// How its containers start, become ready, fail and stop.
  public let lifecycle: PodLifecycle

  /// Builds a blueprint from a template; `hashSource` is the text the hash is taken over
  /// (the template as written, so that equal templates share a revision).
  public convenience init(template: PodTemplateSpec, hashSource: String, knobs: ScenarioKnobs) {
    self.init(template: template, templateHash: Self.hash(hashSource), knobs: knobs)
  }

  /// Builds a blueprint with a known hash (a recorded `pod-template-hash`).
  public init(template: PodTemplateSpec, templateHash: String, knobs: ScenarioKnobs) {
    self.templateHash = templateHash
    labels = template.metadata.labels
    spec = template.spec
    requests = PodRequests(spec: template.spec)
    constraints = SchedulingConstraints(spec: template.spec, labels: template.metadata.labels)
    lifecycle = PodLifecycle(spec: template.spec, knobs: knobs)
  }

  /// FNV-1a over the text, written in the ten-character alphabet upstream uses for
  /// `pod-template-hash` (no vowels, so no words).
  static func hash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value &*= 0x100_0000_01b3
    }
    let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    var text = ""
    for _ in 0..<10 {
      text.append(alphabet[Int(value % UInt64(alphabet.count))])
      value /= UInt64(alphabet.count)
    }
    return text
  }
}
