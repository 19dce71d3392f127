import Testing

@testable import BosunModel

/// Pins `IntOrString.scaledValue` to `GetScaledValueFromIntOrPercent` in
/// k8s.io/apimachinery `pkg/util/intstr/intstr.go` (and its `intstr_test.go` cases).
@Suite("IntOrString")
struct IntOrStringTests {
  @Test("an integer is used as it is, whatever the total")
  func integer() throws {
    #expect(try IntOrString.int(3).scaledValue(total: 10, roundUp: true) == 3)
    #expect(try IntOrString.int(0).scaledValue(total: 0, roundUp: false) == 0)
  }

  @Test(
    "a percentage is scaled against the total and rounded up or down",
    arguments: [
      ("25%", 10, true, 3), ("25%", 10, false, 2), ("50%", 10, true, 5), ("50%", 10, false, 5),
      ("0%", 10, true, 0), ("100%", 7, false, 7), ("10%", 1, true, 1), ("10%", 1, false, 0),
      ("-10%", 100, true, -10), ("+20%", 10, true, 2),
    ])
  func percentage(text: String, total: Int, roundUp: Bool, expected: Int) throws {
    #expect(try IntOrString.string(text).scaledValue(total: total, roundUp: roundUp) == expected)
  }

  @Test("a string without % is an error, even when it looks like a number")
  func notAPercentage() {
    #expect(throws: IntOrString.ScalingError.notAPercentage("3")) {
      try IntOrString.string("3").scaledValue(total: 10, roundUp: true)
    }
    #expect(throws: IntOrString.ScalingError.invalidPercentage("2.5%")) {
      try IntOrString.string("2.5%").scaledValue(total: 10, roundUp: true)
    }
    #expect(
      IntOrString.ScalingError.notAPercentage("x").description
        == "invalid value for IntOrString: invalid type: string is not a percentage")
  }

  @Test("prints as written")
  func printing() {
    #expect(IntOrString.int(80).description == "80")
    #expect(IntOrString.string("http").description == "http")
    #expect(IntOrString.string("25%").isPercentage)
  }
}
