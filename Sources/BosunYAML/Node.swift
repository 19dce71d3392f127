/// One YAML node with the position where it starts.
///
/// Equality ignores positions, anchors and alias names, so two trees that mean the same
/// compare equal (handy for diffs).
public struct Node: Sendable, Equatable {
  /// What the node holds.
  public enum Content: Sendable, Equatable {
    case scalar(String)
    case sequence([Node])
    case mapping([Pair])
  }

  /// How the node was written.
  public enum Style: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded, block, flow
  }

  /// Rarely present details, boxed to keep `Node` small.
  public final class Details: Sendable {
    /// The explicit tag as libyaml reports it (`tag:yaml.org,2002:str`, `!`, `!custom`).
    public let tag: String?
    /// The anchor defined on this node (`&name`).
    public let anchor: String?
    /// When this node stands for an alias (`*name`): the alias name. The node's mark is then
    /// the alias site, while its children keep the marks of the anchored definition.
    public let alias: String?
    /// Whether this is a List entry built only in part: a `ListEntryFilter` had the keys after
    /// its verdict parsed but not built.
    public let isPartial: Bool

    init(tag: String?, anchor: String?, alias: String?, isPartial: Bool = false) {
      self.tag = tag
      self.anchor = anchor
      self.alias = alias
      self.isPartial = isPartial
    }
  }

  /// The node's content.
  public var content: Content
  /// Where the node starts (at its anchor or tag, when it has one).
  public var mark: Mark
  /// How it was written.
  public var style: Style
  /// Tag, anchor and alias, when any is present.
  public var details: Details?

  /// Creates a node.
  public init(_ content: Content, mark: Mark, style: Style, details: Details? = nil) {
    self.content = content
    self.mark = mark
    self.style = style
    self.details = details
  }

  /// The explicit tag, if any.
  public var tag: String? { details?.tag }

  /// Whether this List entry was built only in part (see `ListEntryFilter`).
  public var isPartial: Bool { details?.isPartial ?? false }

  public static func == (lhs: Node, rhs: Node) -> Bool { lhs.content == rhs.content }
}

/// A key and its value in a mapping.
public struct Pair: Sendable, Equatable {
  /// The key node (a scalar in every Kubernetes manifest).
  public var key: Node
  /// The value node.
  public var value: Node

  /// Creates a pair.
  public init(key: Node, value: Node) {
    self.key = key
    self.value = value
  }
}
