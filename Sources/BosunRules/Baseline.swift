public import BosunCore
public import BosunModel
import BosunYAML

/// Findings recorded once and accepted since, so that a run reports only new ones.
///
/// A fingerprint is the rule id, the object (`Kind/namespace/name`), the pointer and a hash of
/// the offending scalar (collections count by pointer only): no line numbers, so edits elsewhere
/// in a file keep it; changing the
/// offending value makes the finding new again.
public struct Baseline: Sendable, Equatable {
  /// One recorded finding.
  public struct Fingerprint: Hashable, Comparable, Sendable {
    /// The rule id (the diagnostic code).
    public var rule: String
    /// `Kind/namespace/name` or `Kind/name`.
    public var object: String
    /// The RFC 6901 pointer inside the object.
    public var pointer: String
    /// FNV-1a 64 of the compact JSON of the scalar at the pointer, in hex; `collection` for a
    /// mapping or list, `absent` if missing.
    public var value: String

    /// Creates a fingerprint.
    public init(rule: String, object: String, pointer: String, value: String) {
      self.rule = rule
      self.object = object
      self.pointer = pointer
      self.value = value
    }

    /// Orders by rule, object, pointer, value.
    public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
      (lhs.rule, lhs.object, lhs.pointer, lhs.value) < (rhs.rule, rhs.object, rhs.pointer, rhs.value)
    }
  }

  /// The recorded findings.
  public var fingerprints: Set<Fingerprint>

  /// Creates a baseline from fingerprints.
  public init(_ fingerprints: Set<Fingerprint> = []) { self.fingerprints = fingerprints }

  /// Records the rule findings among `diagnostics` (those with an object and a pointer).
  public init(recording diagnostics: [Diagnostic], resources: [Resource]) {
    let index = Self.index(resources)
    self.init(Set(diagnostics.compactMap { Self.fingerprint(of: $0, index) }))
  }

  /// The diagnostics not recorded in the baseline (others without a fingerprint stay too).
  public func newFindings(in diagnostics: [Diagnostic], resources: [Resource]) -> [Diagnostic] {
    let index = Self.index(resources)
    return diagnostics.filter { diagnostic in
      guard let fingerprint = Self.fingerprint(of: diagnostic, index) else { return true }
      return !fingerprints.contains(fingerprint)
    }
  }

  /// The fingerprint of a diagnostic about an object of `resources`, or nil.
  public static func fingerprint(of diagnostic: Diagnostic, in resources: [Resource])
    -> Fingerprint?
  {
    fingerprint(of: diagnostic, index(resources))
  }

  private static func index(_ resources: [Resource]) -> [ObjectReference: Resource] {
    var index: [ObjectReference: Resource] = [:]
    for resource in resources where index[resource.identity.reference] == nil {
      index[resource.identity.reference] = resource
    }
    return index
  }

  private static func fingerprint(
    of diagnostic: Diagnostic, _ index: [ObjectReference: Resource]
  ) -> Fingerprint? {
    guard let reference = diagnostic.object, let pointer = diagnostic.pointer else { return nil }
    // Only a scalar's value counts: a finding about a whole container or pod spec must not
    // come back as new whenever anything else inside it changes.
    let value: String
    switch index[reference]?.node.node(at: pointer) {
    case .none: value = "absent"
    case .some(let node) where node.scalarText != nil:
      value = hash(node.toValue().jsonText(compact: true))
    case .some: value = "collection"
    }
    return Fingerprint(
      rule: diagnostic.code, object: reference.description, pointer: pointer.description,
      value: value)
  }

  /// FNV-1a 64, stable across runs and platforms (unlike `Hasher`).
  static func hash(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  // MARK: - file format

  /// The baseline file: JSON, fingerprints sorted, one per line, so it diffs well.
  public var jsonText: String {
    let items = fingerprints.sorted().map { f in
      Value.object([
        ("rule", .string(f.rule)), ("object", .string(f.object)),
        ("pointer", .string(f.pointer)), ("value", .string(f.value)),
      ])
    }
    return Value.object([("version", .int(1)), ("findings", .array(items))]).jsonText() + "\n"
  }

  /// Reads a baseline file; problems are `baseline.invalid` errors with positions.
  public static func parse(_ bytes: [UInt8], file: String) -> (
    baseline: Baseline, diagnostics: [Diagnostic]
  ) {
    let stream = YAMLParser.parse(bytes, file: file)
    func problem(_ message: String, _ mark: Mark) -> Diagnostic {
      Diagnostic(
        .error, code: "baseline.invalid", message: message,
        location: SourceLocation(file: file, line: Int(mark.line), column: Int(mark.column)))
    }
    if let error = stream.diagnostics.first(where: { $0.severity == .error }) {
      return (Baseline(), [problem(error.message, error.mark)])
    }
    guard let root = stream.documents.first?.root, let items = root["findings"]?.items else {
      return (Baseline(), [problem("a baseline needs a findings list", Mark(line: 1, column: 1))])
    }
    var fingerprints: Set<Fingerprint> = []
    var diagnostics: [Diagnostic] = []
    for item in items {
      let fields = ["rule", "object", "pointer", "value"].map { item[$0]?.scalarText }
      guard let rule = fields[0], let object = fields[1], let pointer = fields[2],
        let value = fields[3]
      else {
        diagnostics.append(
          problem("each finding needs rule, object, pointer and value strings", item.mark))
        continue
      }
      fingerprints.insert(Fingerprint(rule: rule, object: object, pointer: pointer, value: value))
    }
    return (Baseline(fingerprints), diagnostics)
  }
}
