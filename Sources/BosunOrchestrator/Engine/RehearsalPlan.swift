public import BosunCore
public import BosunModel
public import BosunYAML

/// The steps of a plan as the orchestrator executes them, read from a `plan.json` (version 1,
/// docs/plan.md) so that a plan written earlier, or by another tool, can be rehearsed.
public struct RehearsalPlan: Sendable {
  /// One API call of the plan.
  public struct Step: Sendable {
    /// Position in the plan, from 0.
    public var index: Int
    /// The call: `create`, `update` or `delete`.
    public var operation: String
    /// The object's action: `create`, `update`, `replace` or `delete`.
    public var action: String
    /// The object.
    public var identity: ObjectIdentity
    /// Earlier steps that must be done first.
    public var dependsOn: [Int]
    /// The desired object for creates and updates.
    public var manifest: Node?
    /// Why, for people.
    public var reason: String
    /// JSON pointers of the fields that change (a pod template change rolls pods).
    public var changedPointers: [String]

    /// Creates a step.
    public init(
      index: Int, operation: String, action: String, identity: ObjectIdentity,
      dependsOn: [Int] = [], manifest: Node?, reason: String = "", changedPointers: [String] = []
    ) {
      self.index = index
      self.operation = operation
      self.action = action
      self.identity = identity
      self.dependsOn = dependsOn
      self.manifest = manifest
      self.reason = reason
      self.changedPointers = changedPointers
    }
  }

  /// The steps in execution order.
  public var steps: [Step]
  /// Problems found reading the file; an error means there is nothing to rehearse.
  public var diagnostics: [Diagnostic]

  /// Creates a plan from steps (tests, and `bosun plan --simulate`).
  public init(steps: [Step], diagnostics: [Diagnostic] = []) {
    self.steps = steps
    self.diagnostics = diagnostics
  }

  /// Reads a plan file; every problem is a diagnostic with its position, never a crash.
  public init(bytes: [UInt8], file: String) {
    steps = []
    diagnostics = []
    let stream = YAMLParser.parse(bytes, file: file)
    func location(_ mark: Mark) -> SourceLocation {
      SourceLocation(file: file, line: Int(mark.line), column: Int(mark.column))
    }
    for problem in stream.diagnostics {
      diagnostics.append(
        Diagnostic(
          problem.severity == .error ? .error : .warning, code: problem.code,
          message: problem.message, location: location(problem.mark)))
    }
    guard let root = stream.documents.first?.root, !root.isNull else {
      if stream.diagnostics.isEmpty {
        diagnostics.append(
          Diagnostic(
            .error, code: "simulate.plan-invalid",
            message: "\(file) is empty; write a plan with `bosun plan ... -o \(file)`",
            location: SourceLocation(file: file, line: 1, column: 1)))
      }
      return
    }
    func fail(_ message: String, _ node: Node, _ pointer: JSONPointer) {
      diagnostics.append(
        Diagnostic(
          .error, code: "simulate.plan-invalid", message: message, location: location(node.mark),
          pointer: pointer))
    }
    guard root["kind"]?.scalarText == "BosunPlan" else {
      fail("\(file) is not a Bosun plan (expected \"kind\": \"BosunPlan\")", root, .root)
      return
    }
    guard case .int(let version)? = root["version"]?.resolved, version == 1 else {
      fail(
        "plan format version \(root["version"]?.scalarText ?? "missing") is not supported; this "
          + "Bosun reads version 1", root["version"] ?? root, JSONPointer.root.appending("version"))
      return
    }
    guard let items = root["steps"]?.items else {
      fail("the plan has no \"steps\" list", root, JSONPointer.root.appending("steps"))
      return
    }
    for (position, item) in items.enumerated() {
      let pointer = JSONPointer.root.appending("steps").appending(position)
      guard let step = Self.step(item, position: position, pointer: pointer, fail: fail) else {
        continue
      }
      steps.append(step)
    }
    // Steps refer to each other by position: with one left out, the order means nothing.
    if steps.count != items.count { steps = [] }
  }

  private static func step(
    _ item: Node, position: Int, pointer: JSONPointer,
    fail: (String, Node, JSONPointer) -> Void
  ) -> Step? {
    let object = item["object"]
    guard let operation = item["operation"]?.scalarText,
      ["create", "update", "delete"].contains(operation)
    else {
      fail("step \(position) has no operation create, update or delete", item, pointer)
      return nil
    }
    guard let object, let apiVersion = object["apiVersion"]?.scalarText,
      let kind = object["kind"]?.scalarText, let name = object["name"]?.scalarText
    else {
      fail(
        "step \(position) does not name its object (apiVersion, kind, name)", item,
        pointer.appending("object"))
      return nil
    }
    let manifest = item["manifest"].flatMap { $0.isNull ? nil : $0 }
    if operation != "delete" && manifest == nil {
      fail(
        "step \(position) (\(operation) \(kind)/\(name)) carries no manifest", item,
        pointer.appending("manifest"))
      return nil
    }
    let (group, version) = ObjectIdentity.split(apiVersion: apiVersion)
    let namespace = object["namespace"].flatMap { $0.isNull ? nil : $0.scalarText }
    var dependsOn: [Int] = []
    for dependency in item["dependsOn"]?.items ?? [] {
      guard case .int(let index)? = dependency.resolved, index >= 0, index < position else {
        fail(
          "step \(position) depends on \(dependency.scalarText ?? "?"), which is not an earlier step",
          dependency, pointer.appending("dependsOn"))
        return nil
      }
      dependsOn.append(Int(index))
    }
    return Step(
      index: position, operation: operation, action: item["action"]?.scalarText ?? operation,
      identity: ObjectIdentity(
        group: group, version: version, kind: kind, namespace: namespace, name: name),
      dependsOn: dependsOn, manifest: manifest, reason: item["reason"]?.scalarText ?? "",
      changedPointers: (item["changedPointers"]?.items ?? []).compactMap(\.scalarText))
  }
}
