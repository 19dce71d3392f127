public import BosunCore
public import BosunModel

/// A check on Kubernetes objects. A rule never computes positions: it returns JSON pointers
/// relative to the object it was given, and the engine maps them to `file:line:column`.
///
/// Cross-object rules see every object through `RuleContext`, but report only on `object`.
public protocol Rule: Sendable {
  /// What the rule checks, why, how to fix it, and its examples (which are also its tests).
  static var description: RuleDescription { get }

  /// Creates the rule; rules carry no state between objects.
  init()

  /// The findings on one object.
  func check(_ object: Resource, in context: RuleContext) -> [Finding]
}

/// One problem a rule found on an object.
public struct Finding: Sendable, Equatable {
  /// Where inside the object (relative to the object's root).
  public var pointer: JSONPointer
  /// Lowercase, no trailing period; says what is wrong and what to do.
  public var message: String
  /// Overrides the rule's severity for this finding only (rarely needed).
  public var severity: Severity?
  /// Secondary positions or hints.
  public var notes: [Diagnostic.Note]

  /// Creates a finding.
  public init(
    at pointer: JSONPointer, _ message: String, severity: Severity? = nil,
    notes: [Diagnostic.Note] = []
  ) {
    self.pointer = pointer
    self.message = message
    self.severity = severity
    self.notes = notes
  }
}

/// Families of rules, as `bosun rules` groups them.
public enum RuleCategory: String, Sendable, CaseIterable, Comparable {
  case metadata, references, probes, resources, images, security, availability, rbac, jobs,
    networking

  /// Orders as declared.
  public static func < (lhs: RuleCategory, rhs: RuleCategory) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
