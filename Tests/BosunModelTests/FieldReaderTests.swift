import BosunCore
import BosunYAML
import Testing

@testable import BosunModel

/// How YAML scalars become typed fields: the API server's JSON decoding rules, with every
/// mismatch reported at its pointer.
@Suite("FieldReader")
struct FieldReaderTests {
  private func read<T>(_ text: String, _ body: (FieldReader) -> T) -> (T, [ModelIssue]) {
    FieldReader.decode(yaml(text), at: "/spec", body)
  }

  @Test("absent and null fields read as nil without an issue")
  func absentAndNull() {
    let (values, issues) = read("a: null\nb: ~") { ($0.int("a"), $0.string("b"), $0.int("c")) }
    #expect(values.0 == nil && values.1 == nil && values.2 == nil)
    #expect(issues.isEmpty)
  }

  @Test("quantities may be written as numbers, as kubectl accepts")
  func quantityNumbers() {
    let (values, issues) = read("a: 2\nb: 0.5\nc: \"1Gi\"\nd: 1e3") {
      [$0.quantity("a"), $0.quantity("b"), $0.quantity("c"), $0.quantity("d")]
    }
    #expect(issues.isEmpty)
    #expect(values.map { $0?.description } == ["2", "500m", "1Gi", "1e3"])
  }

  @Test("a bad quantity is a field-value issue that says how to write one")
  func badQuantity() {
    let (_, issues) = read("memory: 1GB") { $0.quantity("memory") }
    #expect(issues.map(\.code) == ["object.field-value"])
    #expect(issues.first?.pointer == "/spec/memory")
    #expect(issues.first?.message.contains("256Mi") == true)
  }

  @Test("strings, numbers and booleans do not stand in for each other")
  func strictTypes() {
    let (values, issues) = read("name: 42\nport: \"80\"\nenabled: \"true\"\nflag: yes") {
      ($0.string("name"), $0.int("port"), $0.bool("enabled"), $0.bool("flag"))
    }
    #expect(values.0 == nil && values.1 == nil && values.2 == nil)
    #expect(values.3 == true, "YAML 1.1 reads yes as true, as Kubernetes does")
    #expect(issues.map(\.pointer) == ["/spec/name", "/spec/port", "/spec/enabled"])
    #expect(issues[2].message == "`enabled` must be a boolean, found the string \"true\"")
  }

  @Test("a whole float is accepted as an integer, as JSON decoding does")
  func wholeFloat() {
    let (value, issues) = read("replicas: 3.0") { $0.int("replicas") }
    #expect(value == 3)
    #expect(issues.isEmpty)
  }

  @Test("int-or-string fields take either, but not floats or booleans")
  func intOrString() {
    let (values, issues) = read("a: 1\nb: 25%\nc: 2.5\nd: true") {
      [$0.intOrString("a"), $0.intOrString("b"), $0.intOrString("c"), $0.intOrString("d")]
    }
    #expect(values == [.int(1), .string("25%"), nil, nil])
    #expect(issues.map(\.pointer) == ["/spec/c", "/spec/d"])
  }

  @Test("string maps report each wrong value at its key")
  func stringMaps() {
    let (map, issues) = read("labels: {app: web, version: 1.0, ok: \"2\"}") {
      $0.stringMap("labels")
    }
    #expect(map == ["app": "web", "ok": "2"])
    #expect(issues.map(\.pointer) == ["/spec/labels/version"])
  }
}

@Suite("FieldReader integer ranges")
struct FieldReaderRangeTests {
  @Test("int32 fields reject values the API server cannot hold; int64 ones take them")
  func ranges() {
    let (values, issues) = FieldReader.decode(
      yaml("replicas: 3000000000\nrunAsUser: 3000000000"), at: "/spec"
    ) { ($0.int("replicas"), $0.int("runAsUser", bits: 64)) }
    #expect(values.0 == nil)
    #expect(values.1 == 3_000_000_000)
    #expect(issues.map { "\($0.code) \($0.pointer)" } == ["object.field-value /spec/replicas"])
  }
}
