public import BosunCore
public import BosunYAML

/// A `v1` Node: a machine pods are scheduled onto. Named `ClusterNode` to keep it apart from
/// the YAML `Node`.
public struct ClusterNode: Equatable, Sendable {
  /// An entry of `spec.taints`.
  public struct Taint: Hashable, Sendable {
    /// `key`.
    public var key: String?
    /// `value`.
    public var value: String?
    /// `effect`: `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    public var effect: String?
    /// Where the taint is.
    public var pointer: JSONPointer

    /// Creates a taint.
    public init(key: String?, value: String? = nil, effect: String?, pointer: JSONPointer = .root) {
      self.key = key
      self.value = value
      self.effect = effect
      self.pointer = pointer
    }
  }

  /// `metadata` (node labels such as `kubernetes.io/hostname`, `topology.kubernetes.io/zone`).
  public var metadata: ObjectMeta
  /// `spec.unschedulable` (cordoned).
  public var unschedulable: Bool?
  /// `spec.taints`.
  public var taints: [Taint]
  /// `status.capacity`.
  public var capacity: [String: Quantity]
  /// `status.allocatable`: what the scheduler may hand out.
  public var allocatable: [String: Quantity]
  /// `status.conditions` by type (`Ready`) to status (`True`).
  public var conditions: [String: String]
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    unschedulable = spec.bool("unschedulable")
    taints = spec.objects("taints") {
      Taint(
        key: $0.string("key"), value: $0.string("value"), effect: $0.string("effect"),
        pointer: $0.pointer)
    }
    let status = fields.object("status")
    capacity = status.quantityMap("capacity")
    allocatable = status.quantityMap("allocatable")
    var conditions: [String: String] = [:]
    for condition in status.objects("conditions") {
      if let type = condition.string("type") { conditions[type] = condition.string("status") }
    }
    self.conditions = conditions
    pointer = fields.pointer
  }

  /// Reads a Node, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    ClusterNode, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, ClusterNode.init)
  }
}
