public import BosunCore
public import BosunModel
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An entry of `exemptions:` in `.bosun.yaml`: findings of some rules (all when `rules` is
/// empty) on matching objects are not reported. Unset fields match anything; `name` and
/// `namespace` may be globs.
public struct Exemption: Sendable, Equatable {
  /// Rule ids; empty means every rule.
  public var rules: [String]
  /// The object's kind.
  public var kind: String?
  /// The object's namespace (glob).
  public var namespace: String?
  /// The object's name (glob).
  public var name: String?
  /// A container name: only findings inside that container are exempt.
  public var container: String?

  /// Creates an exemption.
  public init(
    rules: [String] = [], kind: String? = nil, namespace: String? = nil, name: String? = nil,
    container: String? = nil
  ) {
    self.rules = rules
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.container = container
  }

  /// Whether a finding of `ruleID` on `object` at `pointer` is exempt.
  public func covers(ruleID: String, object: Resource, pointer: JSONPointer) -> Bool {
    if !rules.isEmpty && !rules.contains(ruleID) { return false }
    if let kind, kind != object.identity.kind { return false }
    if let namespace, !Glob.matches(namespace, object.identity.namespace ?? "") { return false }
    if let name, !Glob.matches(name, object.identity.displayName) { return false }
    if let container {
      let inside = PodSpecs.containers(of: object).contains {
        $0.name == container && pointer.tokens.starts(with: $0.pointer.tokens)
      }
      if !inside { return false }
    }
    return true
  }
}

/// fnmatch globs, as the command line's ignore globs use them.
enum Glob {
  /// Whether `text` matches `pattern`.
  static func matches(_ pattern: String, _ text: String) -> Bool {
    fnmatch(pattern, text, 0) == 0
  }

  /// Whether a path, or its base name, matches `pattern` (a leading `./` is ignored).
  static func matchesPath(_ pattern: String, _ path: String) -> Bool {
    let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    let base = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    return matches(pattern, trimmed) || matches(pattern, base)
  }
}
