import BosunCore
import Testing

@testable import BosunModel

/// Pins `LabelSelector` to `LabelSelectorAsSelector` (k8s.io/apimachinery
/// `pkg/apis/meta/v1/helpers.go`) and `Requirement.Matches` (`pkg/labels/selector.go`).
@Suite("LabelSelector")
struct LabelSelectorTests {
  let labels = ["app": "web", "tier": "frontend"]

  @Test("an empty selector matches everything; a missing one matches nothing")
  func emptyAndMissing() {
    #expect(LabelSelector().matches([:]))
    #expect(LabelSelector().matches(labels))
    #expect(!LabelSelector.matches(nil, labels))
    #expect(LabelSelector.matches(LabelSelector(), labels))
  }

  @Test("matchLabels needs every pair to be present and equal")
  func matchLabels() {
    #expect(LabelSelector(matchLabels: ["app": "web"]).matches(labels))
    #expect(!LabelSelector(matchLabels: ["app": "web", "env": "prod"]).matches(labels))
    #expect(!LabelSelector(matchLabels: ["app": "api"]).matches(labels))
  }

  @Test("each operator follows upstream")
  func operators() {
    func req(_ op: LabelSelector.Requirement.Operator, _ values: [String] = [])
      -> LabelSelector
    {
      LabelSelector(matchExpressions: [.init(key: "tier", operator: op, values: values)])
    }
    #expect(req(.in, ["frontend", "backend"]).matches(labels))
    #expect(!req(.in, ["backend"]).matches(labels))
    #expect(!req(.in, ["frontend"]).matches(["app": "web"]))
    #expect(req(.notIn, ["backend"]).matches(labels))
    #expect(req(.notIn, ["backend"]).matches(["app": "web"]), "NotIn matches an absent label")
    #expect(!req(.notIn, ["frontend"]).matches(labels))
    #expect(req(.exists).matches(labels))
    #expect(!req(.exists).matches(["app": "web"]))
    #expect(req(.doesNotExist).matches(["app": "web"]))
    #expect(!req(.doesNotExist).matches(labels))
  }

  @Test("an invalid selector is reported and matches nothing")
  func invalid() {
    let selector = LabelSelector(
      matchExpressions: [
        .init(key: "tier", operator: .in, values: [], pointer: "/spec/selector/matchExpressions/0"),
        .init(
          key: "a", operator: .exists, values: ["x"], pointer: "/spec/selector/matchExpressions/1"),
        .init(key: "a", operator: .init("Equals"), pointer: "/spec/selector/matchExpressions/2"),
      ], pointer: "/spec/selector")
    #expect(
      selector.problems.map { "\($0.code) \($0.pointer)" } == [
        "selector.values-required /spec/selector/matchExpressions/0/values",
        "selector.values-forbidden /spec/selector/matchExpressions/1/values",
        "selector.unknown-operator /spec/selector/matchExpressions/2/operator",
      ])
    #expect(!selector.matches(labels))
    let badKey = LabelSelector(matchLabels: ["bad key": "x"], pointer: "/spec/selector")
    #expect(badKey.problems.map(\.code) == ["selector.invalid-key"])
    #expect(badKey.problems.first?.pointer == "/spec/selector/matchLabels/bad key")
  }

  @Test("a Service's map selector: empty or missing selects nothing")
  func mapSelector() {
    #expect(LabelSelector.mapSelectorMatches(["app": "web"], labels))
    #expect(!LabelSelector.mapSelectorMatches(["app": "api"], labels))
    #expect(!LabelSelector.mapSelectorMatches([:], labels))
    #expect(!LabelSelector.mapSelectorMatches(nil, labels))
  }

  @Test("decodes from YAML, keeping pointers")
  func decodes() throws {
    let node = yaml(
      """
      matchLabels:
        app: web
      matchExpressions:
      - key: tier
        operator: NotIn
        values: [backend]
      """)
    let (selector, issues) = LabelSelector.decode(node, at: "/spec/selector")
    #expect(issues.isEmpty)
    let decoded = try #require(selector)
    #expect(decoded.matchLabels == ["app": "web"])
    #expect(decoded.matchExpressions.first?.pointer == "/spec/selector/matchExpressions/0")
    #expect(decoded.matches(labels))
  }

  @Test("wrong shapes are issues at the exact pointer")
  func wrongShapes() {
    let node = yaml(
      """
      matchLabels: [app, web]
      matchExpressions:
      - key: tier
        operator: 3
        values: backend
      """)
    let (_, issues) = LabelSelector.decode(node, at: "/spec/selector")
    #expect(
      issues.map { "\($0.code) \($0.pointer)" } == [
        "object.field-type /spec/selector/matchExpressions/0/operator",
        "object.field-type /spec/selector/matchExpressions/0/values",
        "object.field-type /spec/selector/matchLabels",
      ])
  }
}

@Suite("LabelSelector printing")
struct LabelSelectorPrintingTests {
  @Test("prints like upstream Selector.String(): sorted by key, values sorted")
  func printing() {
    let selector = LabelSelector(
      matchLabels: ["app": "web"],
      matchExpressions: [
        .init(key: "tier", operator: .in, values: ["b", "a"]),
        .init(key: "canary", operator: .doesNotExist),
        .init(key: "env", operator: .notIn, values: ["dev"]),
        .init(key: "zone", operator: .exists),
      ])
    #expect(selector.description == "app=web,!canary,env notin (dev),tier in (a,b),zone")
    #expect(LabelSelector().description == "")
  }
}
