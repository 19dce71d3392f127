/// Decides which entries of a `kind: List` document's `items` are built whole.
///
/// A reader that needs only some entries (a recording of thousands of objects, of which a
/// command compares a few) is asked after each key of an entry, with the keys read so far.
/// Once it answers `.elide`, the entry's remaining keys are parsed but not built, and the
/// entry's node is marked partial (`Node.isPartial`). Parsing still sees every event, so
/// syntax errors, positions and the node limit are exactly those of a whole reading.
///
/// Whatever in a skipped part could make the result differ from a whole reading (an anchor,
/// an alias, a tag or merge key on a key, a key that may type as something other than its
/// text, a key met twice, a collection as a key, nesting past the depth limit, any limit
/// reached) makes `YAMLParser.parse` read the input again without the filter. Entries are
/// those of a root mapping's `items` sequence; an entry with a tag or an anchor, an entry
/// whose keys so far are not all plain strings met once, and any entry under an anchored
/// parent are built whole.
public struct ListEntryFilter: Sendable {
  /// What to do with the rest of an entry.
  public enum Verdict: Sendable {
    /// Ask again after the next key.
    case undecided
    /// Build the entry whole.
    case keep
    /// Build no further key of the entry.
    case elide
  }

  /// The verdict on an entry, given its keys so far, in order.
  public let verdict: @Sendable (_ pairs: [Pair]) -> Verdict

  /// Creates a filter.
  public init(_ verdict: @escaping @Sendable (_ pairs: [Pair]) -> Verdict) {
    self.verdict = verdict
  }
}
