import BosunCore
import BosunModel
import BosunYAML

/// Runs a rule's examples and derived variants, and says exactly what went wrong.
///
/// For every example it checks that the rule finds exactly the expected (kind, name, pointer)
/// triples. For failing examples it also checks that the findings vanish under a
/// `bosun.dev/ignore` annotation (on the object, and on the pod template), keep their pointers
/// and shift their lines when another document comes first, and keep their pointers when the
/// manifest is rewritten as JSON.
public struct RuleVerifier: Sendable {
  /// A failed check, with a report that shows the source and the spots.
  public struct Failure: Sendable, CustomStringConvertible {
    /// Which variant failed: `example`, `suppressed-on-object`, `suppressed-on-template`,
    /// `after-another-document`, `as-json`, or `description`.
    public var variant: String
    /// Where the example is written.
    public var sourceFile: String
    /// Its line.
    public var sourceLine: Int
    /// What went wrong, with the source and `^ expected` / `^ found` markers.
    public var report: String

    /// The report.
    public var description: String { report }
  }

  /// The rule under test.
  public let rule: any Rule.Type

  /// Creates a verifier for a rule.
  public init(_ rule: any Rule.Type) { self.rule = rule }

  /// Every failure of every example; empty when the rule behaves as described.
  public func verify() -> [Failure] {
    let description = rule.description
    var failures: [Failure] = []
    let passing = description.examples.filter { $0.expected.isEmpty }
    if passing.isEmpty || passing.count == description.examples.count {
      failures.append(
        Failure(
          variant: "description", sourceFile: "", sourceLine: 0,
          report: "rule \(description.id) needs at least one passing and one failing example"))
    }
    for example in description.examples { failures += verify(example) }
    return failures
  }

  /// The failures of one example and its variants.
  public func verify(_ example: RuleExample) -> [Failure] {
    let base = run(example.manifest, example)
    if let broken = base.broken {
      return [failure("example", example, "the example does not parse: \(broken)")]
    }
    let expected = resolve(example.expected, in: base.resources)
    let found = base.diagnostics.map(hit)
    if expected.sorted() != found.sorted() {
      return [
        failure(
          "example", example,
          render(example.manifest, base.resources, expected: expected, found: found))
      ]
    }
    guard !expected.isEmpty else { return [] }
    var failures: [Failure] = []
    failures += verifySuppressed(example, base: base, onTemplate: false)
    failures += verifySuppressed(example, base: base, onTemplate: true)
    failures += verifyShifted(example, base: base)
    let json = ExampleRewriter.json(of: example.manifest)
    let asJSON = run(json, example)
    let jsonFound = asJSON.diagnostics.map(hit)
    if jsonFound.sorted() != found.sorted() {
      failures.append(
        failure(
          "as-json", example,
          render(json, asJSON.resources, expected: expected, found: jsonFound)))
    }
    return failures
  }

  // MARK: - variants

  private func verifySuppressed(_ example: RuleExample, base: Run, onTemplate: Bool) -> [Failure]
  {
    let id = rule.description.id
    let text = ExampleRewriter.annotated(
      example.manifest, key: AnnotationSuppression.key, value: id, onTemplate: onTemplate)
    let bearing = { (kind: String) in PodSpecs.templatePointer(kind: kind) != nil }
    if onTemplate && !base.diagnostics.contains(where: { bearing($0.object?.kind ?? "") }) {
      return []
    }
    let suppressed = run(text, example)
    // With the annotation on pod templates, findings on other kinds stay.
    let left = suppressed.diagnostics.map(hit).filter { !onTemplate || bearing($0.kind) }
    guard !left.isEmpty else { return [] }
    return [
      failure(
        onTemplate ? "suppressed-on-template" : "suppressed-on-object", example,
        "\(AnnotationSuppression.key): \"\(id)\" should silence the rule, but it still reports:\n"
          + render(text, suppressed.resources, expected: [], found: left))
    ]
  }

  private func verifyShifted(_ example: RuleExample, base: Run) -> [Failure] {
    let prefix = ExampleRewriter.unrelatedDocument
    let shift = prefix.filter { $0 == "\n" }.count
    let shifted = run(prefix + example.manifest, example)
    let unrelated = ExampleRewriter.unrelatedName
    let got = shifted.diagnostics.filter { $0.object?.name != unrelated }
    let want = base.diagnostics.map { diagnostic -> Diagnostic in
      var moved = diagnostic
      moved.location?.line += shift
      return moved
    }
    let key = { (d: Diagnostic) in "\(hit(d)) @ \(d.location?.description ?? "-")" }
    if got.map(key).sorted() == want.map(key).sorted() { return [] }
    return [
      failure(
        "after-another-document", example,
        "after a \(shift)-line prefix, expected \(want.map(key).sorted()) but found \(got.map(key).sorted())"
      )
    ]
  }

  // MARK: - running

  private struct Run {
    var resources: [Resource]
    var diagnostics: [Diagnostic]
    var broken: String?
  }

  private func run(_ text: String, _ example: RuleExample) -> Run {
    let file = "example.yaml"
    let stream = YAMLParser.parse(Array(text.utf8), file: file)
    if let error = stream.diagnostics.first(where: { $0.severity == .error }) {
      return Run(resources: [], diagnostics: [], broken: "\(error.mark): \(error.message)")
    }
    var set = ManifestSet()
    set.add(stream)
    let id = rule.description.id
    var configuration = RuleConfiguration()
    configuration.rules[id] = RuleConfiguration.RuleSetting(
      enabled: true, options: example.options)
    let engine = RuleEngine(configuration: configuration, rules: [rule])
    let diagnostics = engine.check(set.resources, sources: [file: stream.source])
    return Run(resources: set.resources, diagnostics: diagnostics.filter { $0.code == id })
  }

  // MARK: - comparing and reporting

  /// A finding reduced to what examples pin.
  struct Hit: Hashable, Comparable, CustomStringConvertible {
    var kind: String
    var name: String
    var pointer: JSONPointer

    static func < (lhs: Hit, rhs: Hit) -> Bool {
      (lhs.kind, lhs.name, lhs.pointer.description) < (rhs.kind, rhs.name, rhs.pointer.description)
    }

    var description: String { "\(kind)/\(name) \(pointer)" }
  }

  private func hit(_ diagnostic: Diagnostic) -> Hit {
    Hit(
      kind: diagnostic.object?.kind ?? "", name: diagnostic.object?.name ?? "",
      pointer: diagnostic.pointer ?? .root)
  }

  private func resolve(_ expected: [RuleExample.Expected], in resources: [Resource]) -> [Hit] {
    expected.map { expectation in
      let target = resources.first { resource in
        if let kind = expectation.kind, resource.identity.kind != kind { return false }
        if let name = expectation.name, resource.identity.displayName != name { return false }
        return expectation.kind != nil || RuleEngine.applies(rule.description, to: resource)
      }
      return Hit(
        kind: expectation.kind ?? target?.identity.kind ?? "?",
        name: expectation.name ?? target?.identity.displayName ?? "?",
        pointer: expectation.pointer)
    }
  }

  private func failure(_ variant: String, _ example: RuleExample, _ report: String) -> Failure {
    Failure(
      variant: variant, sourceFile: example.sourceFile, sourceLine: example.sourceLine,
      report: "rule \(rule.description.id), example at line \(example.sourceLine) (\(variant)):\n"
        + report)
  }

  /// The source with numbered lines and a marker under each expected and found spot.
  private func render(
    _ text: String, _ resources: [Resource], expected: [Hit], found: [Hit]
  ) -> String {
    let missing = expected.filter { !found.contains($0) }
    let extra = found.filter { !expected.contains($0) }
    var markers: [Int: [String]] = [:]
    func mark(_ hit: Hit, _ label: String) {
      let object = resources.first {
        $0.identity.kind == hit.kind && $0.identity.displayName == hit.name
      }
      let location = object?.location(of: hit.pointer)
      let line = location?.line ?? 0
      let column = location?.column ?? 1
      markers[line, default: []].append(
        String(repeating: " ", count: column - 1) + "^ \(label) \(hit)")
    }
    for hit in missing { mark(hit, "expected") }
    for hit in extra { mark(hit, "found") }
    var out = "expected \(expected.sorted()), found \(found.sorted())\n"
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let width = String(lines.count).count
    for (index, line) in lines.enumerated() {
      let number = String(index + 1)
      out += String(repeating: " ", count: width - number.count) + number + " | " + line + "\n"
      for marker in markers[index + 1] ?? [] {
        out += String(repeating: " ", count: width) + " | " + marker + "\n"
      }
    }
    for marker in markers[0] ?? [] { out += "(object not found) " + marker + "\n" }
    return out
  }
}
