import BosunCore
import BosunDiff
import BosunModel
import BosunYAML
import Testing

/// CustomResourceDefinition `default`s, each case named after the upstream rule
/// (apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go and its tests).
@Suite struct CustomResourceDefaultsTests {
  /// A definition of `example.com/v1 Widget` whose `spec` has the schema given (YAML, at any
  /// indentation).
  func definition(spec schema: String, version: String = "v1") -> String {
    let lines = schema.split(separator: "\n")
    let margin = lines.map { $0.prefix { $0 == " " }.count }.min() ?? 0
    let body = lines.map { String(repeating: " ", count: 12) + $0.dropFirst(margin) }
      .joined(separator: "\n")
    return """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        group: example.com
        scope: Namespaced
        names: {kind: Widget, plural: widgets}
        versions:
        - name: \(version)
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
      \(body)
      """
  }

  func defaults(_ definitions: String...) -> CustomResourceDefaults {
    CustomResourceDefaults(
      recorded: [], manifests: definitions.flatMap { Fixtures.manifests(yaml: $0) })
  }

  func defaulted(_ object: String, _ defaults: CustomResourceDefaults) -> Value {
    var value = YAMLParser.parse(Array(object.utf8), file: "w.yaml").documents[0].root.toValue()
    defaults.apply(to: &value)
    return value
  }

  /// A `spec` schema with an integer `size` defaulting to `value`.
  func size(default value: Int) -> String {
    "type: object\nproperties:\n  size: {type: integer, default: \(value)}"
  }

  func widget(_ spec: String, apiVersion: String = "example.com/v1") -> String {
    "apiVersion: \(apiVersion)\nkind: Widget\nmetadata: {name: w}\nspec: \(spec)\n"
  }

  /// `spec.items[].a` defaults to "A"; every value of the `spec.labels` map has `tier` "B".
  var itemDefaults: CustomResourceDefaults {
    defaults(
      definition(
        spec: """
                  type: object
                  properties:
                    items:
                      type: array
                      items:
                        type: object
                        properties:
                          a: {type: string, default: A}
                    labels:
                      type: object
                      additionalProperties:
                        type: object
                        properties:
                          tier: {type: string, default: B}
          """))
  }

  // algorithm_test.go "empty and null": absent and non-nullable null get the default; zero
  // values, empty strings, lists and maps are values and stay.
  @Test func absentAndNullGetTheDefaultZeroValuesStay() {
    let value = defaulted(
      widget(#"{items: [{}, {a: 1}, {a: 0}, {a: ""}, {a: null}, {a: []}, {a: {}}]}"#),
      itemDefaults)
    #expect(
      value.value(at: "/spec/items")
        == .array(
          [.string("A"), .int(1), .int(0), .string(""), .string("A"), .array([]), .object([])]
            .map { .object([(key: "a", value: $0)]) }))
  }

  // algorithm_test.go "object array object": additionalProperties values get their defaults.
  @Test func mapValuesGetTheirDefaults() {
    let value = defaulted(widget("{labels: {web: {}, db: {tier: C}}}"), itemDefaults)
    #expect(value.value(at: "/spec/labels/web/tier") == .string("B"))
    #expect(value.value(at: "/spec/labels/db/tier") == .string("C"))
  }

  // algorithm.go: defaults apply under an object that exists; no missing parent is created.
  @Test func noParentIsCreated() {
    let value = defaulted(
      "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n", itemDefaults)
    #expect(value["spec"] == nil)
    let empty = defaulted(widget("{}"), itemDefaults)
    #expect(empty.value(at: "/spec/items") == nil)
  }

  /// `spec.mode` is nullable with a default; `spec.size` is not.
  var nullableDefaults: CustomResourceDefaults {
    defaults(
      definition(
        spec: """
                  type: object
                  properties:
                    mode: {type: string, nullable: true, default: fast}
                    size: {type: integer, default: 3}
                    limits:
                      type: object
                      default: {}
                      properties:
                        cpu: {type: string, default: "1"}
          """))
  }

  // algorithm_test.go "null in nullable object" / "null in non-nullable object".
  @Test func nullStaysOnlyWhereTheSchemaIsNullable() {
    let value = defaulted(widget("{mode: null, size: null}"), nullableDefaults)
    #expect(value.value(at: "/spec/mode") == .null)
    #expect(value.value(at: "/spec/size") == .int(3))
    let absent = defaulted(widget("{}"), nullableDefaults)
    #expect(absent.value(at: "/spec/mode") == .string("fast"))
  }

  // algorithm.go recurses into the value it has just filled in, so a default `{}` is defaulted.
  @Test func aFilledInDefaultIsDefaultedInTurn() {
    let value = defaulted(widget("{}"), nullableDefaults)
    #expect(value.value(at: "/spec/limits/cpu") == .string("1"))
  }

  // The schema of the version the object is written in applies (one structural schema per
  // version in the CustomResourceDefinition).
  @Test func theObjectsVersionPicksTheSchema() {
    let v1 = definition(spec: size(default: 3))
    let v2 = definition(spec: size(default: 5), version: "v2")
      .replacingOccurrences(of: "name: widgets.example.com", with: "name: widgets2.example.com")
    let both = defaults(v1, v2)
    #expect(defaulted(widget("{}"), both).value(at: "/spec/size") == .int(3))
    let second = defaulted(widget("{}", apiVersion: "example.com/v2"), both)
    #expect(second.value(at: "/spec/size") == .int(5))
    let unknown = defaulted(widget("{}", apiVersion: "example.com/v3"), both)
    #expect(unknown.value(at: "/spec/size") == nil)
  }

  // A definition in the manifests replaces the recorded one of the same name: once applied, the
  // server defaults with it.
  @Test func aManifestDefinitionReplacesTheRecordedOne() {
    let old = Fixtures.manifests(yaml: definition(spec: size(default: 3)))
    let new = Fixtures.manifests(yaml: definition(spec: size(default: 4)))
    let both = CustomResourceDefaults(recorded: old, manifests: new)
    #expect(defaulted(widget("{}"), both).value(at: "/spec/size") == .int(4))
  }

  @Test func definitionsWithoutDefaultsAreLeftOut() {
    let plain = defaults(definition(spec: "type: object"))
    #expect(plain.isEmpty)
    #expect(!itemDefaults.isEmpty)
  }
}
