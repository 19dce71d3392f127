public import BosunCore
public import BosunYAML

/// A `networking.k8s.io/v1` NetworkPolicy.
public struct NetworkPolicy: Equatable, Sendable {
  /// An entry of a rule's `from` or `to`.
  public struct Peer: Hashable, Sendable {
    /// `podSelector`.
    public var podSelector: LabelSelector?
    /// `namespaceSelector`.
    public var namespaceSelector: LabelSelector?
    /// `ipBlock.cidr`.
    public var ipBlockCIDR: String?
    /// `ipBlock.except`.
    public var ipBlockExcept: [String]
    /// Where the peer is.
    public var pointer: JSONPointer
  }

  /// An entry of a rule's `ports`.
  public struct Port: Hashable, Sendable {
    /// `protocol` (default TCP).
    public var `protocol`: String?
    /// `port`: number or named port.
    public var port: IntOrString?
    /// `endPort`.
    public var endPort: Int?
    /// Where the port is.
    public var pointer: JSONPointer
  }

  /// An entry of `spec.ingress` (peers from `from`) or `spec.egress` (peers from `to`).
  public struct Rule: Hashable, Sendable {
    /// The peers; empty means every source or destination.
    public var peers: [Peer]
    /// The ports; empty means every port.
    public var ports: [Port]
    /// Where the rule is.
    public var pointer: JSONPointer
  }

  /// `metadata`.
  public var metadata: ObjectMeta
  /// `spec.podSelector`: the pods the policy applies to; empty selects all in the namespace.
  public var podSelector: LabelSelector?
  /// `spec.policyTypes`.
  public var policyTypes: [String]
  /// `spec.ingress`.
  public var ingress: [Rule]
  /// `spec.egress`.
  public var egress: [Rule]
  /// Where the object is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    metadata = ObjectMeta(fields.object("metadata"))
    let spec = fields.object("spec")
    podSelector = LabelSelector.read(spec.object("podSelector"))
    policyTypes = spec.strings("policyTypes")
    ingress = spec.objects("ingress") { Self.rule($0, peersKey: "from") }
    egress = spec.objects("egress") { Self.rule($0, peersKey: "to") }
    pointer = fields.pointer
  }

  private static func rule(_ fields: FieldReader, peersKey: String) -> Rule {
    Rule(
      peers: fields.objects(peersKey) { peer in
        let block = peer.object("ipBlock")
        return Peer(
          podSelector: LabelSelector.read(peer.object("podSelector")),
          namespaceSelector: LabelSelector.read(peer.object("namespaceSelector")),
          ipBlockCIDR: block.string("cidr"), ipBlockExcept: block.strings("except"),
          pointer: peer.pointer)
      },
      ports: fields.objects("ports") {
        Port(
          protocol: $0.string("protocol"), port: $0.intOrString("port"), endPort: $0.int("endPort"),
          pointer: $0.pointer)
      }, pointer: fields.pointer)
  }

  /// Reads a NetworkPolicy, with an issue for every field of the wrong shape.
  public static func decode(_ node: Node, at pointer: JSONPointer = .root) -> (
    NetworkPolicy, [ModelIssue]
  ) {
    FieldReader.decode(node, at: pointer, NetworkPolicy.init)
  }
}
