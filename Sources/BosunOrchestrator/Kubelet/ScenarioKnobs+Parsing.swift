public import BosunCore
import BosunYAML

extension ScenarioKnobs {
  /// Reads a scenario file (YAML or JSON). Errors carry the pointer of the offending field and
  /// its position in the file.
  public init(bytes: [UInt8], file: String) throws(ScenarioError) {
    let stream = YAMLParser.parse(bytes, file: file, duplicateKeySeverity: .error)
    let location = { (mark: Mark) in
      SourceLocation(file: file, line: Int(mark.line), column: Int(mark.column))
    }
    if let problem = stream.diagnostics.first {
      throw ScenarioError(
        pointer: .root, message: "scenario is not valid YAML: \(problem.message)",
        location: location(problem.mark))
    }
    guard stream.documents.count <= 1 else {
      throw ScenarioError(
        pointer: .root, message: "scenario has \(stream.documents.count) documents, expected one",
        location: location(stream.documents[1].start))
    }
    guard let root = stream.documents.first?.root else {
      self.init()
      return
    }
    do {
      try self.init(scenario: root.toValue())
    } catch {
      var located = error
      located.location = location(root.location(of: error.pointer).mark)
      throw located
    }
  }

  /// Reads a scenario already turned into a value; `null` is the empty scenario.
  ///
  /// ```yaml
  /// kubelet: {imagePullSeconds: 5, containerStartSeconds: 1, shutdownSeconds: 1}
  /// images:
  ///   "registry/web:2.0": {neverReady: true}
  ///   "registry/slow:*": {startSeconds: 90s, pullSeconds: 30}
  /// faults:
  ///   - {type: node-failure, node: worker-2, at: 5m}
  /// seed: 7
  /// ```
  public init(scenario value: Value) throws(ScenarioError) {
    self.init()
    if value == .null { return }
    let root = try ScenarioFields(
      value, at: .root, allowed: ["kubelet", "images", "faults", "seed"])
    if let kubelet = try root.fields(
      "kubelet", allowed: ["imagePullSeconds", "containerStartSeconds", "shutdownSeconds"])
    {
      defaults.pullSeconds = try kubelet.duration("imagePullSeconds") ?? defaults.pullSeconds
      defaults.startSeconds = try kubelet.duration("containerStartSeconds") ?? defaults.startSeconds
      defaults.shutdownSeconds = try kubelet.duration("shutdownSeconds") ?? defaults.shutdownSeconds
    }
    if let images = try root.fields("images", allowed: nil) {
      var parsed: [String: ImageBehaviour] = [:]
      for (reference, _) in images.pairs {
        parsed[reference] = try Self.behaviour(images, reference: reference, defaults: defaults)
      }
      // Property observers do not run in an initializer: rebuild the patterns here.
      self.images = parsed
      patterns = Self.patterns(of: parsed)
    }
    if let faults = try root.items("faults", allowed: ["type", "node", "at"]) {
      self.faults = try faults.map(Self.fault)
    }
    if let seed = try root.integer("seed", in: 0...Int64.max) { self.seed = UInt64(seed) }
  }

  private static let behaviourKeys: Set<String> = [
    "pullSeconds", "startSeconds", "neverReady", "crashAfterSeconds", "failLivenessAfterSeconds",
    "runSeconds", "exitCode", "shutdownSeconds",
  ]

  private static func behaviour(
    _ images: ScenarioFields, reference: String, defaults: ImageBehaviour
  ) throws(ScenarioError) -> ImageBehaviour {
    let pointer = images.pointer.appending(reference)
    let star = reference.firstIndex(of: "*")
    guard !reference.isEmpty, star == nil || star == reference.index(before: reference.endIndex)
    else {
      throw ScenarioError(
        pointer: pointer,
        message: "image \"\(reference)\" is neither a reference nor a pattern with one trailing *")
    }
    guard let fields = try images.fields(reference, allowed: behaviourKeys) else {
      throw ScenarioError(pointer: pointer, message: "expected a mapping of behaviours, got null")
    }
    var behaviour = defaults
    behaviour.pullSeconds = try fields.duration("pullSeconds") ?? behaviour.pullSeconds
    behaviour.startSeconds = try fields.duration("startSeconds") ?? behaviour.startSeconds
    behaviour.neverReady = try fields.bool("neverReady") ?? false
    behaviour.crashAfterSeconds = try fields.duration("crashAfterSeconds")
    behaviour.failLivenessAfterSeconds = try fields.duration("failLivenessAfterSeconds")
    behaviour.runSeconds = try fields.duration("runSeconds")
    behaviour.exitCode = try fields.integer("exitCode", in: 0...255).map { Int($0) } ?? 0
    behaviour.shutdownSeconds = try fields.duration("shutdownSeconds") ?? behaviour.shutdownSeconds
    return behaviour
  }

  private static func fault(_ fields: ScenarioFields) throws(ScenarioError) -> Fault {
    let type = try fields.present("type", fields.string("type"))
    guard let kind = Fault.Kind(rawValue: type) else {
      throw ScenarioError(
        pointer: fields.pointer.appending("type"),
        message: "unknown fault type \"\(type)\"; expected node-failure or drain")
    }
    let node = try fields.present("node", fields.string("node"))
    guard !node.isEmpty else {
      throw ScenarioError(
        pointer: fields.pointer.appending("node"), message: "node name is empty")
    }
    let at = try fields.present("at", fields.duration("at"))
    return Fault(kind: kind, node: node, at: at)
  }
}
