import BosunCore
import Testing

@testable import BosunSchema

@Suite("Custom resources checked against their CustomResourceDefinition")
struct CustomResourceTests {
  let validator: SchemaValidator

  init() throws { validator = SchemaValidator(catalog: try SchemaCatalog.bundled(), strict: true) }

  static let input = """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata: {name: widgets.example.com}
    spec:
      group: example.com
      scope: Namespaced
      names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
      versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  required: [size]
                  x-kubernetes-validations:
                    - rule: self.minReplicas <= self.maxReplicas
                  properties:
                    size: {type: string, enum: [small, large]}
                    port: {x-kubernetes-int-or-string: true}
                    minReplicas: {type: integer, minimum: 0}
                    maxReplicas: {type: integer}
                    extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    template:
                      type: object
                      x-kubernetes-embedded-resource: true
                      x-kubernetes-preserve-unknown-fields: true
    ---
    apiVersion: example.com/v1
    kind: Widget
    metadata: {name: good}
    spec:
      size: small
      port: http
      minReplicas: 1
      maxReplicas: 3
      extra: {anything: [1, 2]}
      template:
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: inner}
        data: {a: b}
    ---
    apiVersion: example.com/v1
    kind: Widget
    metadata: {name: bad}
    spec:
      size: medium
      port: 1.5
      minReplicas: -1
      colour: blue
      template:
        apiVersion: v1
        kind: ConfigMap
        data: {a: 1}
    ---
    apiVersion: example.com/v1
    kind: Widget
    metadata: {name: no-template-kind}
    spec:
      size: large
      template: {metadata: {name: x}}
    """

  @Test("a CRD and its custom resources validate in one pass")
  func onepass() {
    let verdicts = validator.validate(documents: documents(Self.input), versions: [v(31)])
    #expect(verdicts.count == 4)
    #expect(verdicts[0].findings.filter { $0.severity > .info }.isEmpty, "\(verdicts[0].codes)")
    #expect(verdicts[1].codes == [])
    #expect(
      verdicts[2].codes == [
        "schema.not-evaluated /spec",
        "schema.unknown-field /spec/colour",
        "schema.range /spec/minReplicas",
        "schema.type /spec/port",
        "schema.enum /spec/size",
        "schema.coerced-string /spec/template/data/a",
      ])
    #expect(
      verdicts[3].codes == [
        "schema.not-evaluated /spec", "schema.required /spec/template",
        "schema.required /spec/template",
      ])
  }

  @Test("CEL rules the subset cannot decide are reported as not evaluated, for information")
  func celNotEvaluated() {
    let verdicts = validator.validate(documents: documents(Self.input), versions: [v(31)])
    // `bad` has no maxReplicas, so `self.minReplicas <= self.maxReplicas` cannot be decided
    let notEvaluated = verdicts[2].with("schema.not-evaluated")
    #expect(notEvaluated.count == 1)
    #expect(notEvaluated.first?.severity == .info)
  }

  @Test("CEL rules in the subset are evaluated, after schema defaults are applied")
  func celEvaluated() {
    let verdicts = validator.validate(
      documents: documents(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: pools.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: pools, kind: Pool}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      x-kubernetes-validations:
                        - rule: self.min <= self.max
                          message: min must not exceed max
                        - rule: "!has(self.image) || size(self.image) > 0"
                        - rule: self.mode == 'fast' || self.mode == 'safe'
                          fieldPath: .mode
                        - rule: self.tags.exists(t, t == 'x')
                      properties:
                        min: {type: integer, default: 1}
                        max: {type: integer}
                        image: {type: string}
                        mode: {type: string, default: safe}
                        tags: {type: array, items: {type: string}}
        ---
        apiVersion: example.com/v1
        kind: Pool
        metadata: {name: ok}
        spec: {max: 3}
        ---
        apiVersion: example.com/v1
        kind: Pool
        metadata: {name: broken}
        spec: {min: 5, max: 3, image: "", mode: slow}
        """), versions: [v(31)])
    #expect(verdicts[1].codes == ["schema.not-evaluated /spec"])
    #expect(
      verdicts[2].codes == [
        "schema.not-evaluated /spec",
        "schema.validation-rule /spec",
        "schema.validation-rule /spec",
        "schema.validation-rule /spec/mode",
      ])
  }

  @Test(
    "the CEL subset decides what it can and declines the rest",
    arguments: [
      ("self.a < self.b", true), ("self.a == 2", false), ("has(self.c) && self.c.d == 'x'", true),
      ("!has(self.missing)", true), ("size(self.list) == 2", true), ("self.list.size() > 5", false),
      ("self.s >= 'abc'", true), ("(self.a == 1) || self.nope == 3", true),
    ])
  func celSubset(_ rule: String, _ expected: Bool) {
    let value = document("{a: 1, b: 2, c: {d: x}, list: [1, 2], s: abd}").toValue()
    #expect(ValidationRule(rule: rule).evaluate(self: value) == expected)
  }

  @Test(
    "rules outside the subset, or reading absent fields, are not decided",
    arguments: [
      "self.nope > 1", "self.a == 1.0", "self.list.all(x, x > 0)", "self.a + 1 == 2",
      "oldSelf == self", "self.a == 1u", "self.nope == 1 && self.a == 1",
    ])
  func celUndecided(_ rule: String) {
    let value = document("{a: 1, list: [1, 2]}").toValue()
    #expect(ValidationRule(rule: rule).evaluate(self: value) == nil)
  }

  @Test("a deprecated CRD version warns with the definition's own text")
  func deprecatedVersion() {
    let verdicts = validator.validate(
      documents: documents(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.com}
        spec:
          group: example.com
          scope: Cluster
          names: {plural: gadgets, kind: Gadget}
          versions:
            - name: v1alpha1
              served: true
              storage: false
              deprecated: true
              deprecationWarning: example.com/v1alpha1 Gadget is deprecated; use v1
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object}
        ---
        apiVersion: example.com/v1alpha1
        kind: Gadget
        metadata: {name: g}
        spec: {pruned: true}
        """), versions: [v(31)])
    #expect(
      verdicts[1].codes == [
        "schema.deprecated-api /apiVersion", "schema.unknown-field /spec/pruned",
      ])
  }
}
