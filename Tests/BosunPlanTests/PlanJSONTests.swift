import BosunCore
import BosunModel
import Testing

@testable import BosunPlan

@Suite("Plan JSON and summary")
struct PlanJSONTests {
  /// A Secret whose value must never reach the plan file.
  static let secret = """
    apiVersion: v1
    kind: Secret
    metadata: {name: db, namespace: shop}
    stringData: {password: hunter2}
    """

  @Test("the plan JSON is versioned and carries ordered steps with their dependencies")
  func shape() throws {
    let plan = PlanBuilder().plan(changes(desired: OrderingTests.shop, live: ""))
    let json = PlanJSON.value(of: plan)
    #expect(json["version"] == .int(1))
    #expect(json.value(at: "/summary/create") == .int(7))
    let steps = try #require(json["steps"]?.items)
    #expect(steps.count == 7)
    #expect(steps[0].value(at: "/object/kind") == .string("Namespace"))
    #expect(steps[0]["dependsOn"] == .array([]))
    #expect(steps[1].value(at: "/dependsOn/0") == .int(0))
    #expect(steps[6].value(at: "/manifest/spec/template/spec/serviceAccountName") == .string("web"))
  }

  @Test("same plan, same bytes, whatever order the changes came in")
  func deterministicBytes() {
    let input = changes(desired: OrderingTests.shop, live: "")
    #expect(
      PlanJSON.render(PlanBuilder().plan(input))
        == PlanJSON.render(PlanBuilder().plan(input.reversed())))
  }

  @Test("the text is the JSON value's text: one description of the plan serves both")
  func textMatchesValue() {
    let cycle = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a, namespace: shop, annotations: {bosun.dev/depends-on: ConfigMap/b}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: b, namespace: shop, annotations: {bosun.dev/depends-on: "ConfigMap/a,Secret/gone"}}
      """
    let plans = [
      PlanBuilder().plan(changes(desired: OrderingTests.shop, live: "")),
      PlanBuilder(pruneScope: .selector(LabelSelector())).plan(
        changes(desired: "", live: OrderingTests.shop)),
      PlanBuilder().plan(changes(desired: deployment(selector: "v2"), live: deployment())),
      PlanBuilder().plan(
        changes(
          desired: ImpactTests.webConfig("debug") + "\n---\n" + deployment(replicas: 4),
          live: ImpactTests.webConfig("info") + "\n---\n" + deployment())),
      PlanBuilder().plan(changes(desired: Self.secret + "\n---\n" + cycle, live: deployment())),
    ]
    for plan in plans {
      #expect(PlanJSON.render(plan) == PlanJSON.value(of: plan).jsonText() + "\n")
    }
  }

  @Test("Secret values never reach the plan file")
  func secretRedacted() {
    let text = PlanJSON.render(PlanBuilder().plan(changes(desired: Self.secret, live: "")))
    #expect(!text.contains("hunter2"))
    #expect(text.contains("\"password\": \"(redacted)\""))
  }

  @Test("a replace step names the immutable field and the upstream rule")
  func replaceStep() throws {
    let plan = PlanBuilder().plan(changes(desired: deployment(selector: "v2"), live: deployment()))
    let json = PlanJSON.value(of: plan)
    #expect(json.value(at: "/steps/0/operation") == .string("delete"))
    #expect(json.value(at: "/steps/0/action") == .string("replace"))
    #expect(json.value(at: "/steps/0/immutableFields/0/rule") == .string("deployment-selector"))
    #expect(json.value(at: "/steps/1/operation") == .string("create"))
    #expect(json.value(at: "/steps/1/dependsOn") == .array([.int(0)]))
  }

  @Test("the exact bytes of a one-step plan")
  func golden() {
    let plan = PlanBuilder().plan(
      changes(desired: "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}", live: ""))
    #expect(
      PlanJSON.render(plan) == """
        {
          "version": 1,
          "kind": "BosunPlan",
          "pruneScope": {
            "type": "last-applied",
            "selector": null
          },
          "summary": {
            "create": 1,
            "update": 0,
            "replace": 0,
            "delete": 0,
            "unchanged": 0,
            "steps": 1
          },
          "steps": [
            {
              "index": 0,
              "operation": "create",
              "action": "create",
              "object": {
                "apiVersion": "v1",
                "kind": "Namespace",
                "namespace": null,
                "name": "shop"
              },
              "reason": "in the manifests, not in the snapshot",
              "impacts": [],
              "changedPointers": [],
              "immutableFields": [],
              "dependsOn": [],
              "manifest": {
                "apiVersion": "v1",
                "kind": "Namespace",
                "metadata": {
                  "name": "shop"
                }
              }
            }
          ],
          "unchanged": [],
          "diagnostics": []
        }

        """)
  }

  @Test("the summary table lists steps in order, the warnings, and the counts")
  func summary() {
    let plan = PlanBuilder().plan(
      changes(
        desired: ImpactTests.webConfig("debug") + "\n---\n" + deployment(replicas: 4),
        live: ImpactTests.webConfig("info") + "\n---\n" + deployment()))
    let text = PlanSummary.render(plan)
    #expect(
      text.split(separator: "\n").prefix(3) == [
        "#  ACTION  CALL    OBJECT                     IMPACT              AFTER",
        "0  update  update  ConfigMap/shop/web-config  pods-not-restarted",
        "1  update  update  Deployment/shop/web        scale-only          0",
      ])
    #expect(text.contains("pods-not-restarted: ConfigMap/shop/web-config: "))
    #expect(
      text.hasSuffix("Plan: 0 to create, 2 to update, 0 to replace, 0 to delete, 0 unchanged.\n"))
  }
}
