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
    #expect(verdicts[1].codes == ["schema.not-evaluated /spec"])
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

  @Test("CEL rules are reported as not evaluated, for information")
  func celNotEvaluated() {
    let verdicts = validator.validate(documents: documents(Self.input), versions: [v(31)])
    let notEvaluated = verdicts[1].with("schema.not-evaluated")
    #expect(notEvaluated.count == 1)
    #expect(notEvaluated.first?.severity == .info)
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
