public import BosunCore

/// Everything known about a rule: documentation and tests in one place.
///
/// `bosun rules explain ID` prints it, `docs/rules.md` is generated from it, and one test runs
/// every example (plus derived variants) of every registered rule.
public struct RuleDescription: Sendable {
  /// Stable kebab-case id, e.g. `no-latest-tag`. Never renamed once released.
  public var id: String
  /// One line: what the rule looks for.
  public var summary: String
  /// Why it matters (a short paragraph).
  public var rationale: String
  /// What to do about a finding.
  public var remediation: String
  /// Its family.
  public var category: RuleCategory
  /// Severity unless configured otherwise.
  public var severity: Severity
  /// Off unless enabled in `.bosun.yaml` or with `--enable`.
  public var optIn: Bool
  /// Kinds it applies to; empty means every kind.
  public var kinds: Set<String>
  /// Typed options the rule reads from `.bosun.yaml`.
  public var options: [RuleOption]
  /// Manifests that must pass and manifests that must fail at given pointers.
  public var examples: [RuleExample]

  /// Creates a description.
  public init(
    id: String, summary: String, rationale: String, remediation: String,
    category: RuleCategory, severity: Severity, optIn: Bool = false, kinds: Set<String> = [],
    options: [RuleOption] = [], examples: [RuleExample]
  ) {
    self.id = id
    self.summary = summary
    self.rationale = rationale
    self.remediation = remediation
    self.category = category
    self.severity = severity
    self.optIn = optIn
    self.kinds = kinds
    self.options = options
    self.examples = examples
  }
}

/// A typed option of a rule.
public struct RuleOption: Sendable {
  /// The value types an option may have.
  public enum Kind: String, Sendable {
    case bool, int, string, stringList
  }

  /// Key under `rules.<id>.options` in `.bosun.yaml`.
  public var name: String
  /// Its type; a value of another type is reported with its position.
  public var kind: Kind
  /// The value used when unset.
  public var defaultValue: Value
  /// One line of help.
  public var help: String

  /// Creates an option.
  public init(_ name: String, _ kind: Kind, default defaultValue: Value, help: String) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.help = help
  }
}

/// A manifest (one or more YAML documents) and the findings a rule must produce on it.
public struct RuleExample: Sendable {
  /// A finding the example expects: on which object (by kind and name; nil for the only or
  /// first object the rule applies to) and at which pointer.
  public struct Expected: Sendable, Equatable {
    /// The object's kind, when the example has several objects.
    public var kind: String?
    /// The object's name, when the example has several objects.
    public var name: String?
    /// The pointer, relative to that object.
    public var pointer: JSONPointer

    /// Creates an expectation.
    public init(kind: String? = nil, name: String? = nil, pointer: JSONPointer) {
      self.kind = kind
      self.name = name
      self.pointer = pointer
    }
  }

  /// The YAML text.
  public var manifest: String
  /// Findings it must produce; empty for a passing example.
  public var expected: [Expected]
  /// Option values for this example (`name: value`), as `.bosun.yaml` would give them.
  public var options: [String: Value]
  /// Where the example is written, so a failing test points at it.
  public var sourceFile: String
  /// The line of the example in `sourceFile`.
  public var sourceLine: Int

  /// An example that must produce no finding.
  public static func passing(
    _ manifest: String, options: [String: Value] = [:], file: String = #filePath,
    line: Int = #line
  ) -> RuleExample {
    RuleExample(
      manifest: manifest, expected: [], options: options, sourceFile: file, sourceLine: line)
  }

  /// An example that must produce exactly these findings.
  public static func failing(
    _ manifest: String, at expected: [Expected], options: [String: Value] = [:],
    file: String = #filePath, line: Int = #line
  ) -> RuleExample {
    RuleExample(
      manifest: manifest, expected: expected, options: options, sourceFile: file,
      sourceLine: line)
  }

  /// An example that must produce exactly these findings on its single object.
  public static func failing(
    _ manifest: String, at pointers: JSONPointer..., options: [String: Value] = [:],
    file: String = #filePath, line: Int = #line
  ) -> RuleExample {
    failing(
      manifest, at: pointers.map { Expected(pointer: $0) }, options: options, file: file,
      line: line)
  }
}
