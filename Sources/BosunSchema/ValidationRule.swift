public import BosunCore

/// One `x-kubernetes-validations` rule of a custom resource schema.
///
/// Bosun evaluates a small, safe subset of CEL: `self` and field paths below it, `has()`,
/// `size()`, literals, comparisons, `!`, `&&`, `||` and parentheses. A rule outside the subset,
/// or one that reads a field that is absent, is reported as not evaluated rather than guessed.
public struct ValidationRule: Hashable, Sendable {
  /// The CEL expression.
  public var rule: String
  /// The message to show when it fails, if the definition gives one.
  public var message: String?
  /// Where the failure is reported, relative to the rule's node (`.spec.replicas`), if given.
  public var fieldPath: String?

  /// Creates a rule.
  public init(rule: String, message: String? = nil, fieldPath: String? = nil) {
    self.rule = rule
    self.message = message
    self.fieldPath = fieldPath
  }

  /// True or false when the subset can decide the rule for `value` (what `self` stands for);
  /// nil when it cannot.
  public func evaluate(self value: Value) -> Bool? {
    guard !rule.contains("oldSelf"), var parser = CELParser(rule),
      let expression = parser.parseWhole()
    else { return nil }
    guard case .bool(let result)? = expression.evaluate(value) else { return nil }
    return result
  }
}

/// The subset's syntax tree.
indirect enum CELExpression {
  case literal(Value)
  case path([String])
  case has([String])
  case size(CELExpression)
  case not(CELExpression)
  case and(CELExpression, CELExpression)
  case or(CELExpression, CELExpression)
  case compare(String, CELExpression, CELExpression)

  /// The value, or nil when the subset cannot decide (absent field, mixed types).
  func evaluate(_ root: Value) -> Value? {
    switch self {
    case .literal(let value): return value
    case .path(let names): return Self.lookup(names, in: root)
    case .has(let names):
      guard let parent = Self.lookup(Array(names.dropLast()), in: root),
        case .object = parent, let last = names.last
      else { return nil }
      return .bool(parent[last] != nil)
    case .size(let inner):
      switch inner.evaluate(root) {
      case .string(let s)?: return .int(Int64(s.unicodeScalars.count))
      case .array(let items)?: return .int(Int64(items.count))
      case .object(let pairs)?: return .int(Int64(pairs.count))
      default: return nil
      }
    case .not(let inner):
      guard case .bool(let b)? = inner.evaluate(root) else { return nil }
      return .bool(!b)
    case .and(let lhs, let rhs):
      // CEL's && is commutative over errors: false wins over an undecided side
      let l = lhs.evaluate(root)
      let r = rhs.evaluate(root)
      if case .bool(false)? = l { return .bool(false) }
      if case .bool(false)? = r { return .bool(false) }
      if case .bool(true)? = l, case .bool(true)? = r { return .bool(true) }
      return nil
    case .or(let lhs, let rhs):
      let l = lhs.evaluate(root)
      let r = rhs.evaluate(root)
      if case .bool(true)? = l { return .bool(true) }
      if case .bool(true)? = r { return .bool(true) }
      if case .bool(false)? = l, case .bool(false)? = r { return .bool(false) }
      return nil
    case .compare(let op, let lhs, let rhs):
      guard let l = lhs.evaluate(root), let r = rhs.evaluate(root) else { return nil }
      return Self.compare(op, l, r).map(Value.bool)
    }
  }

  static func lookup(_ names: [String], in root: Value) -> Value? {
    var current = root
    for name in names {
      guard case .object = current, let next = current[name] else { return nil }
      current = next
    }
    return current
  }

  static func compare(_ op: String, _ l: Value, _ r: Value) -> Bool? {
    let order: Int
    switch (l, r) {
    case (.int(let a), .int(let b)): order = a < b ? -1 : a == b ? 0 : 1
    case (.double(let a), .double(let b)): order = a < b ? -1 : a == b ? 0 : 1
    case (.string(let a), .string(let b)):
      // CEL orders strings by code point
      let x = Array(a.unicodeScalars.map(\.value))
      let y = Array(b.unicodeScalars.map(\.value))
      order = x.lexicographicallyPrecedes(y) ? -1 : x == y ? 0 : 1
    case (.bool(let a), .bool(let b)):
      guard op == "==" || op == "!=" else { return nil }
      order = a == b ? 0 : 1
    default: return nil
    }
    switch op {
    case "==": return order == 0
    case "!=": return order != 0
    case "<": return order < 0
    case "<=": return order <= 0
    case ">": return order > 0
    case ">=": return order >= 0
    default: return nil
    }
  }
}

/// A recursive-descent parser for the subset; nil or a failed parse means "not in the subset".
struct CELParser {
  enum Token: Equatable {
    case identifier(String)
    case int(Int64)
    case double(Double)
    case string(String)
    case symbol(String)
  }

  var tokens: [Token]
  var position = 0

  init?(_ text: String) {
    guard let tokens = Self.tokenize(text) else { return nil }
    self.tokens = tokens
  }

  static func tokenize(_ text: String) -> [Token]? {
    var tokens: [Token] = []
    let chars = Array(text.unicodeScalars)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c.properties.isWhitespace {
        i += 1
      } else if c == "_" || c.properties.isAlphabetic {
        var word = ""
        while i < chars.count,
          chars[i] == "_" || chars[i].properties.isAlphabetic || ("0"..."9").contains(chars[i])
        {
          word.unicodeScalars.append(chars[i])
          i += 1
        }
        tokens.append(.identifier(word))
      } else if ("0"..."9").contains(c) {
        var number = ""
        while i < chars.count, ("0"..."9").contains(chars[i]) || chars[i] == "." {
          number.unicodeScalars.append(chars[i])
          i += 1
        }
        if number.contains(".") {
          guard let d = Double(number) else { return nil }
          tokens.append(.double(d))
        } else {
          guard let n = Int64(number) else { return nil }
          tokens.append(.int(n))
        }
      } else if c == "'" || c == "\"" {
        var body = ""
        i += 1
        while i < chars.count, chars[i] != c {
          guard chars[i] != "\\" else { return nil }  // escapes are outside the subset
          body.unicodeScalars.append(chars[i])
          i += 1
        }
        guard i < chars.count else { return nil }
        i += 1
        tokens.append(.string(body))
      } else {
        let two = i + 1 < chars.count ? String(String.UnicodeScalarView([c, chars[i + 1]])) : ""
        if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
          tokens.append(.symbol(two))
          i += 2
        } else if "<>!().".unicodeScalars.contains(c) {
          tokens.append(.symbol(String(c)))
          i += 1
        } else {
          return nil
        }
      }
    }
    return tokens
  }

  mutating func parseWhole() -> CELExpression? {
    guard let expression = parseOr(), position == tokens.count else { return nil }
    return expression
  }

  private var next: Token? { position < tokens.count ? tokens[position] : nil }

  private mutating func take(_ symbol: String) -> Bool {
    guard next == .symbol(symbol) else { return false }
    position += 1
    return true
  }

  private mutating func parseOr() -> CELExpression? {
    guard var lhs = parseAnd() else { return nil }
    while take("||") {
      guard let rhs = parseAnd() else { return nil }
      lhs = .or(lhs, rhs)
    }
    return lhs
  }

  private mutating func parseAnd() -> CELExpression? {
    guard var lhs = parseUnary() else { return nil }
    while take("&&") {
      guard let rhs = parseUnary() else { return nil }
      lhs = .and(lhs, rhs)
    }
    return lhs
  }

  private mutating func parseUnary() -> CELExpression? {
    if take("!") { return parseUnary().map(CELExpression.not) }
    guard let lhs = parsePrimary() else { return nil }
    for op in ["==", "!=", "<=", ">=", "<", ">"] where take(op) {
      guard let rhs = parsePrimary() else { return nil }
      return .compare(op, lhs, rhs)
    }
    return lhs
  }

  private mutating func parsePrimary() -> CELExpression? {
    guard let token = next else { return nil }
    position += 1
    switch token {
    case .int(let n): return .literal(.int(n))
    case .double(let d): return .literal(.double(d))
    case .string(let s): return .literal(.string(s))
    case .symbol("("):
      guard let inner = parseOr(), take(")") else { return nil }
      return inner
    case .identifier("true"): return .literal(.bool(true))
    case .identifier("false"): return .literal(.bool(false))
    case .identifier("has"):
      guard take("("), let path = parsePath(), take(")"), !path.isEmpty else { return nil }
      return .has(path)
    case .identifier("size"):
      guard take("("), let path = parsePath(), take(")") else { return nil }
      return .size(.path(path))
    case .identifier("self"):
      position -= 1
      guard var path = parsePath() else { return nil }
      // `self.items.size()`: the method form of size
      if path.last == "size", take("(") {
        guard take(")") else { return nil }
        path.removeLast()
        return .size(.path(path))
      }
      return .path(path)
    default: return nil
    }
  }

  /// `self.a.b` → ["a", "b"].
  private mutating func parsePath() -> [String]? {
    guard next == .identifier("self") else { return nil }
    position += 1
    var names: [String] = []
    while take(".") {
      guard case .identifier(let name)? = next else { return nil }
      position += 1
      names.append(name)
    }
    return names
  }
}
