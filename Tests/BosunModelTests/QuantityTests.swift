import Testing

@testable import BosunModel

/// Pins `Quantity` to k8s.io/apimachinery `pkg/api/resource/quantity_test.go`
/// (`TestQuantityParse`, `TestQuantityString`, `TestQuantityParseEmit`, `TestQuantityCmp`).
@Suite("Quantity")
struct QuantityTests {
  private func q(_ text: String) throws -> Quantity { try Quantity(parsing: text) }

  @Test(
    "parses to the value upstream expects",
    arguments: [
      // (input, expected value written plainly, expected format)
      ("0", "0", Quantity.Format.decimalSI), ("0Ki", "0", .binarySI), ("0m", "0", .decimalSI),
      ("1Ki", "1024", .binarySI), ("7Mi", "7340032", .binarySI),
      ("3Ei", "3458764513820540928", .binarySI),
      ("5n", "0.000000005", .decimalSI), ("50k", "50000", .decimalSI), ("1E", "1e18", .decimalSI),
      ("1E-3", "0.001", .decimalExponent), ("1.3E+6", "1300000", .decimalExponent),
      ("100.035k", "100035", .decimalSI), ("0.0005k", "0.5", .decimalSI),
      ("0.5e-2", "0.005", .decimalExponent), ("1.01E", "1.01e18", .decimalSI),
      // Things that saturate or round (rounded up to a nano unit).
      ("3.001n", "0.000000004", .decimalSI), ("1.1E-9", "0.000000002", .decimalExponent),
      ("0.0000000001", "0.000000001", .decimalSI), ("0.00000012354", "0.000000124", .decimalSI),
      ("9Ei", "9223372036854775807", .binarySI),
      ("9223372036854775807Ki", "9223372036854775807", .binarySI),
      ("12E", "12e18", .decimalSI),
      // Fractional binary values.
      ("100.035Ki", "102435.84", .binarySI), ("0.5Mi", "524288", .binarySI),
      // "Things written by trolls".
      ("0.000000000001Ki", "0.000000002", .decimalSI), (".001", "0.001", .decimalSI),
      ("1.", "1", .decimalSI), ("1.G", "1e9", .decimalSI), (".", "0", .decimalSI),
    ])
  func parses(input: String, expected: String, format: Quantity.Format) throws {
    let parsed = try q(input)
    #expect(parsed == (try plain(expected)))
    #expect(parsed.format == format)
    #expect(try q("-" + input) == (try plain(expected)).negated)
  }

  @Test(
    "rejects what upstream rejects",
    arguments: [
      ("1.1.M", QuantityParseError.Reason.formatWrong), ("1+1.0M", .formatWrong),
      ("0.1mi", .suffix), ("0.1am", .formatWrong), ("aoeu", .formatWrong), (".5i", .suffix),
      ("1i", .suffix), ("-3.01i", .suffix), ("-3.01e-", .suffix), (" 1", .formatWrong),
      ("1 ", .formatWrong), ("", .formatWrong),
    ])
  func rejects(input: String, reason: QuantityParseError.Reason) {
    #expect(throws: QuantityParseError(reason, text: input)) { try Quantity(parsing: input) }
  }

  @Test("the format error quotes upstream's regular expression")
  func formatErrorMessage() {
    let error = QuantityParseError(.formatWrong, text: "x")
    #expect(
      error.message
        == "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
    )
  }

  @Test(
    "prints the canonical form (TestQuantityParseEmit and TestQuantityString alternates)",
    arguments: [
      ("1Ki", "1Ki"), ("1Gi", "1Gi"), ("1024Mi", "1Gi"), ("1000M", "1G"), (".001Ki", "1024m"),
      (".000001Ki", "1024u"), (".000000001Ki", "1024n"), (".000000000001Ki", "2n"),
      ("307200Ki", "300Mi"), ("1025024Mi", "1001Gi"), ("5000m", "5"), ("0.5", "500m"),
      ("0.001T", "1G"), ("1000u", "1m"), ("1.08", "1080m"), ("1080000000n", "1080m"),
      ("1000E", "1e21"), ("5000E", "5e21"), ("1000000E", "1e24"), (".001e12", "1e9"),
      ("0.001e0", "1e-3"), ("1000e-12", "1e-9"), ("00", "0"), ("1.5Gi", "1536Mi"),
      ("1500m", "1500m"), ("1000m", "1"), ("0.0001", "100u"), ("1e1000", "10e999"),
    ])
  func canonical(input: String, printed: String) throws {
    #expect(try q(input).description == printed)
    if printed != "0" { #expect(try q("-" + input).description == "-" + printed) }
  }

  @Test("keeps the input as its printed form when upstream does")
  func keptText() throws {
    #expect(try q("100m").description == "100m")
    #expect(try q("1Gi").description == "1Gi")
    // Upstream keeps an explicit plus sign too: the string is reused, not rebuilt.
    #expect(try q("+1").description == "+1")
    #expect(try q("+1").canonical == "1")
  }

  @Test("compares by value, not by spelling (TestQuantityCmp)")
  func compares() throws {
    #expect(try q("1000m") == q("1"))
    #expect(try q("1Gi") == q("1024Mi"))
    #expect(try q("100m") > q("50m"))
    #expect(try q("10000T") > q("100Gi"))
    #expect(try q("-1") < q("-500m"))
    #expect(try q("1e1000") > q("9Ei"))
    #expect(Set([try q("1k"), try q("1000"), try q("1e3")]).count == 1)
  }

  @Test("value and milliValue round up, as upstream ScaledValue does")
  func scaledValues() throws {
    #expect(try q("1500m").value == 2)
    #expect(try q("0.0001").milliValue == 1)
    #expect(try q("1.5Gi").value == 1_610_612_736)
    #expect(try q("250m").milliValue == 250)
    #expect(try q("-1.5").value == -2)
    #expect(try q("5n").milliValue == 1)
  }

  @Test("huge values never trap: they saturate")
  func hugeValues() throws {
    let huge = try q("1e1000")
    #expect(huge.value == .max)
    #expect(try q("-1e1000").milliValue == .min)
    let forty = try q("1234567890123456789012345678901234567890")
    #expect(forty.description == "1234567890123456789012345678901234567890")
    #expect(forty.value == .max)
    #expect(try q("1e-1000000").description == "1e-9")
    #expect(try q("1n").description == "1n")
  }

  /// A plain decimal or `<digits>e<exponent>` read without any Kubernetes rounding.
  private func plain(_ text: String) throws -> Quantity {
    let parts = text.split(separator: "e")
    let exponent = parts.count > 1 ? Int(parts[1])! : 0
    let number = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    let fraction = number.count > 1 ? String(number[1]) : ""
    let digits = (String(number[0]) + fraction).utf8.map { $0 - 48 }
    return Quantity(
      isNegative: false,
      magnitude: DecimalMagnitude(digits: digits, exponent: exponent - fraction.count),
      format: .decimalSI)
  }
}

extension Quantity {
  fileprivate var negated: Quantity {
    Quantity(isNegative: !isNegative, magnitude: magnitude, format: format)
  }
}

/// Arithmetic follows upstream `Add`, `Sub` and `Neg` (`TestQuantityAddZeroPreservesSuffix`,
/// `TestQuantityNeg`), exactly and without overflow.
@Suite("Quantity arithmetic")
struct QuantityArithmeticTests {
  private func q(_ text: String) throws -> Quantity { try Quantity(parsing: text) }

  @Test("adding zero keeps the other operand's format")
  func zero() throws {
    #expect((try q("100m") + .zero).description == "100m")
    #expect((Quantity.zero + (try q("1Gi"))).description == "1Gi")
    #expect((Quantity.zero - (try q("1Gi"))).description == "-1Gi")
  }

  @Test("sums and differences are exact")
  func exact() throws {
    #expect(try q("250m") + q("750m") == q("1"))
    #expect((try q("1Gi") + q("512Mi")).description == "1536Mi")
    #expect((try q("100m") - q("250m")).description == "-150m")
    #expect((-(try q("9.01"))).description == "-9010m")
    var total = Quantity.zero
    for _ in 0..<3 { total += try q("333m") }
    #expect(total.milliValue == 999)
  }

  @Test("sums beyond Int64 stay exact")
  func huge() throws {
    let sum = try q("9223372036854775807") + q("9223372036854775807")
    #expect(sum.description == "18446744073709551614")
    #expect(sum.value == .max)
    #expect(try q("1e100") + q("1") > q("1e100"))
    #expect(try q("1e2000000") + q("1") == q("1e2000000"))
    let astronomical = try q("1Ki") + q("1e5000")
    #expect(astronomical.format == .binarySI)
    #expect(astronomical.description.count == 5001)
    #expect(astronomical.description.hasSuffix("1024"))
  }
}
