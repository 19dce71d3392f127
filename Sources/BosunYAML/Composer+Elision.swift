/// The unbuilt part of List entries (see `ListEntryFilter`): its events are counted and
/// checked for whatever could make the result differ from a whole reading, and dropped.
extension Composer {
  /// A collection open inside a skipped value.
  struct SkippedCollection {
    var isMapping: Bool
    /// For a mapping: whether the next node is a key.
    var awaitsKey = true
    /// Where the hashes of its keys start in `skippedKeys`, which holds the entry's unbuilt
    /// keys and then those of every open skipped mapping, innermost last: one buffer for all,
    /// rather than one for each mapping.
    var keysStart: Int
  }

  /// Whether a mapping starting now is a List entry: the stack holds the root mapping, waiting
  /// for the value of its untagged `items` key, and the sequence that value is (a whole
  /// document); or only the sequence of entries (a piece).
  var isEntryPosition: Bool {
    guard stack.count == entryLevel else { return false }
    switch entryLevel {
    case 1:
      return !stack[0].isMapping
    case 2:
      // Plain or quoted: either way the key types as its text.
      guard stack[0].isMapping, !stack[1].isMapping, let key = stack[0].key, key.details == nil
      else { return false }
      return key.scalarText == "items"
    default:
      return false
    }
  }

  /// Asks the filter about the entry on top of the stack, whose last pair was just added.
  mutating func askFilter() {
    guard let filter = entryFilter else { return }
    let top = stack.count - 1
    // Only keys that are plain strings, each met once, and so no merge key: what the filter
    // reads is then what the entry holds.
    guard Self.isPlainMapping(stack[top].pairs) else {
      stack[top].verdict = .keep
      return
    }
    switch filter.verdict(stack[top].pairs) {
    case .undecided:
      return
    case .keep:
      stack[top].verdict = .keep
    case .elide:
      // The aliases of an anchored parent would copy the entry, unbuilt part and all.
      if stack.contains(where: { $0.details?.anchor != nil }) {
        stack[top].verdict = .keep
        return
      }
      stack[top].verdict = .elide
      isSkipping = true
    }
  }

  /// Ends skipping: at the end of the entry, of the document, or on a failure.
  mutating func stopSkipping() {
    isSkipping = false
    skipped.removeAll(keepingCapacity: true)
    skippedKeys.removeAll(keepingCapacity: true)
  }

  /// A scalar of the unbuilt part.
  mutating func skipScalar(
    _ text: UnsafeBufferPointer<UInt8>, plain: Bool, tagged: Bool, anchored: Bool, mark: Mark
  ) {
    guard count(mark) else { return }
    if anchored { elisionUnsafe = true }
    let last = skipped.count - 1
    if last < 0 {
      let top = stack.count - 1
      if stack[top].skipsValue {
        stack[top].skipsValue = false
        return
      }
      // A key of the entry itself (with no skipped collection open, the buffer holds only
      // those): unlike every other and every key built before.
      let hash = Self.keyHash(text, plain: plain, tagged: tagged)
      if hash == nil || skippedKeys.contains(hash!) {
        elisionUnsafe = true
      } else {
        let name = String(decoding: text, as: UTF8.self)
        if stack[top].pairs.contains(where: { $0.key.scalarText == name }) { elisionUnsafe = true }
      }
      skippedKeys.append(hash ?? 0)
      stack[top].skipsValue = true
      return
    }
    guard skipped[last].isMapping else { return }
    if skipped[last].awaitsKey {
      if let hash = Self.keyHash(text, plain: plain, tagged: tagged),
        !skippedKeys[skipped[last].keysStart...].contains(hash)
      {
        skippedKeys.append(hash)
      } else {
        elisionUnsafe = true
      }
    }
    skipped[last].awaitsKey.toggle()
  }

  /// An alias in the unbuilt part: it may stand for anything, so a whole reading must decide.
  mutating func skipAlias() {
    elisionUnsafe = true
    let last = skipped.count - 1
    if last < 0 {
      stack[stack.count - 1].skipsValue.toggle()
    } else if skipped[last].isMapping {
      skipped[last].awaitsKey.toggle()
    }
  }

  /// The start of a collection in the unbuilt part.
  mutating func skipCollectionStart(mapping: Bool, anchored: Bool, mark: Mark) {
    guard count(mark) else { return }
    if anchored || stack.count + skipped.count >= limits.maxDepth { elisionUnsafe = true }
    let last = skipped.count - 1
    if last < 0 {
      let top = stack.count - 1
      // A collection where the entry expects a key.
      if !stack[top].skipsValue {
        elisionUnsafe = true
        stack[top].skipsValue = true
      }
    } else if skipped[last].isMapping && skipped[last].awaitsKey {
      elisionUnsafe = true
    }
    skipped.append(SkippedCollection(isMapping: mapping, keysStart: skippedKeys.count))
  }

  /// The end of a collection in the unbuilt part.
  mutating func endSkippedCollection() {
    let closed = skipped.removeLast()
    skippedKeys.removeSubrange(closed.keysStart...)
    let last = skipped.count - 1
    if last < 0 {
      stack[stack.count - 1].skipsValue = false
    } else if skipped[last].isMapping {
      // It was a value (a key is next) or, unsafely, a key (its value is next).
      skipped[last].awaitsKey.toggle()
    }
  }

  /// FNV-1a of a key's text, when the text is what the key types as: quoted, or a plain string,
  /// and untagged. Nil for any other key.
  static func keyHash(_ text: UnsafeBufferPointer<UInt8>, plain: Bool, tagged: Bool) -> UInt64? {
    if tagged || (plain && !Node.isPlainString(text)) { return nil }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }
}
