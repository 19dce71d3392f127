/// What a rehearsal assumes about the world outside the manifests: how images behave, which
/// faults strike, and the seed of every random choice. Read from a scenario file.
public struct ScenarioKnobs: Sendable {
  /// A fault injected at a point of the rehearsal.
  public struct Fault: Hashable, Sendable {
    /// What happens to the node.
    public enum Kind: String, Hashable, Sendable {
      /// The node stops: its pods are lost and it turns NotReady (`node-failure`).
      case nodeFailure = "node-failure"
      /// The node is cordoned and its pods evicted, honouring PodDisruptionBudgets (`drain`).
      case drain
    }

    /// What happens.
    public var kind: Kind
    /// The node's name.
    public var node: String
    /// Seconds from the start of the rehearsal.
    public var at: Double

    /// Creates a fault.
    public init(kind: Kind, node: String, at: Double) {
      self.kind = kind
      self.node = node
      self.at = at
    }
  }

  /// How an image behaves when no entry of `images` matches it.
  public var defaults: ImageBehaviour
  /// Behaviour by image reference (`registry/web:2.0`) or by pattern ending in `*`
  /// (`registry/web:*`). An exact reference wins over patterns, and a longer pattern over a
  /// shorter one; the entry that wins applies whole.
  public var images: [String: ImageBehaviour] {
    didSet { patterns = Self.patterns(of: images) }
  }
  /// Faults in the order the file lists them.
  public var faults: [Fault]
  /// Seed of every random choice the rehearsal makes.
  public var seed: UInt64

  var patterns: [(prefix: Substring, behaviour: ImageBehaviour)]

  /// Creates knobs; by default every image is healthy and nothing fails.
  public init(
    defaults: ImageBehaviour = ImageBehaviour(), images: [String: ImageBehaviour] = [:],
    faults: [Fault] = [], seed: UInt64 = 0
  ) {
    self.defaults = defaults
    self.images = images
    self.faults = faults
    self.seed = seed
    patterns = Self.patterns(of: images)
  }

  /// How `image` behaves.
  public func behaviour(forImage image: String) -> ImageBehaviour {
    if let exact = images[image] { return exact }
    for pattern in patterns where image.hasPrefix(pattern.prefix) { return pattern.behaviour }
    return defaults
  }

  /// Pattern entries, longest prefix first (ties by text, so the order is stable).
  static func patterns(
    of images: [String: ImageBehaviour]
  ) -> [(prefix: Substring, behaviour: ImageBehaviour)] {
    images.compactMap { key, behaviour in
      key.hasSuffix("*") ? (prefix: key.dropLast(), behaviour: behaviour) : nil
    }.sorted { ($0.prefix.count, $1.prefix) > ($1.prefix.count, $0.prefix) }
  }
}
