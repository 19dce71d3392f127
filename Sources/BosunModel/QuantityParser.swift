/// Reads quantity text the way upstream `ParseQuantity` does.
///
/// Mirrors `parseQuantityString` and `ParseQuantity` in k8s.io/apimachinery
/// `pkg/api/resource/quantity.go`: leading zeros are dropped, `1.` and `.5` are numbers, the
/// suffix decides base and format, values that fit the Int64 fast path are kept exactly
/// (no cap), anything else is rounded up to a nano unit and, for binary suffixes, capped at the
/// Int64 maximum.
enum QuantityParser {
  /// The pieces of a quantity string before interpretation.
  struct Pieces {
    var isNegative = false
    /// Integer digits with leading zeros removed; `0` when none remain.
    var numerator = "0"
    /// Whether the input had any digit at all (upstream's `inf.Dec` needs one).
    var hasDigits = false
    /// Fraction digits.
    var denominator = ""
    /// Everything after the number.
    var suffix = ""
  }

  static let decimalSuffixes: [String: Int] = [
    "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
  ]
  static let binarySuffixes: [String: Int] = [
    "Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60,
  ]
  static let maxInt64 = DecimalMagnitude(UInt64(Int64.max))
  /// Upstream's `maxInt64Factors`: digits an Int64 always holds.
  static let fastPathDigits = 18

  static func parse(_ text: String) throws(QuantityParseError) -> Quantity {
    guard !text.isEmpty else { throw QuantityParseError(.formatWrong, text: text) }
    if text == "0" {
      return Quantity(isNegative: false, magnitude: .zero, format: .decimalSI, keptText: text)
    }
    guard let pieces = split(Array(text.utf8)) else {
      throw QuantityParseError(.formatWrong, text: text)
    }
    guard let (isBinary, exponent) = interpret(suffix: pieces.suffix) else {
      throw QuantityParseError(.suffix, text: text)
    }
    let format: Quantity.Format =
      isBinary ? .binarySI : (decimalSuffixes[pieces.suffix] != nil ? .decimalSI : .decimalExponent)
    if let fast = fastPath(
      pieces, isBinary: isBinary, exponent: exponent, format: format, text: text)
    {
      return fast
    }
    guard pieces.hasDigits else { throw QuantityParseError(.numeric, text: text) }
    return slowPath(pieces, isBinary: isBinary, exponent: exponent, format: format)
  }

  /// Splits sign, numerator, denominator and suffix; nil when the shape is wrong.
  static func split(_ bytes: [UInt8]) -> Pieces? {
    var pieces = Pieces()
    var pos = 0
    let end = bytes.count
    func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    if pos < end, bytes[pos] == UInt8(ascii: "-") || bytes[pos] == UInt8(ascii: "+") {
      pieces.isNegative = bytes[pos] == UInt8(ascii: "-")
      pos += 1
    }
    while pos < end, bytes[pos] == UInt8(ascii: "0") {
      pos += 1
      pieces.hasDigits = true
    }
    if pos >= end { return pieces }
    let numeratorStart = pos
    while pos < end, isDigit(bytes[pos]) { pos += 1 }
    if pos > numeratorStart {
      pieces.numerator = text(numeratorStart..<pos)
      pieces.hasDigits = true
    }
    if pos < end, bytes[pos] == UInt8(ascii: ".") {
      pos += 1
      let denominatorStart = pos
      while pos < end, isDigit(bytes[pos]) { pos += 1 }
      pieces.denominator = text(denominatorStart..<pos)
      if pos > denominatorStart { pieces.hasDigits = true }
    }
    let suffixStart = pos
    let suffixLetters = Set("eEinumkKMGTP".utf8)
    while pos < end, suffixLetters.contains(bytes[pos]) { pos += 1 }
    if pos < end, bytes[pos] == UInt8(ascii: "-") || bytes[pos] == UInt8(ascii: "+") { pos += 1 }
    while pos < end, isDigit(bytes[pos]) { pos += 1 }
    guard pos >= end else { return nil }
    pieces.suffix = text(suffixStart..<end)
    return pieces
  }

  /// Base and exponent of a suffix (`Mi` → binary 20, `k` → decimal 3, `e-3` → decimal -3).
  ///
  /// Mirrors `suffixHandler.interpret` in `suffix.go`, including its truncation of the
  /// exponent to 32 bits.
  static func interpret(suffix: String) -> (isBinary: Bool, exponent: Int)? {
    if let exponent = decimalSuffixes[suffix] { return (false, exponent) }
    if let exponent = binarySuffixes[suffix] { return (true, exponent) }
    guard suffix.count > 1, suffix.first == "e" || suffix.first == "E",
      let parsed = Int64(suffix.dropFirst())
    else { return nil }
    return (false, Int(Int32(truncatingIfNeeded: parsed)))
  }

  /// Upstream's Int64 fast path: exact, uncapped, and keeps the input text when it is
  /// already canonical. Nil when upstream would fall back to arbitrary precision.
  static func fastPath(
    _ pieces: Pieces, isBinary: Bool, exponent: Int, format: Quantity.Format, text: String
  ) -> Quantity? {
    let digitCount = pieces.numerator.utf8.count + pieces.denominator.utf8.count
    let precision: Int
    var scale = 0
    if isBinary {
      guard pieces.denominator.isEmpty else { return nil }
      precision = 15 - pieces.numerator.utf8.count - exponent * 3 / 10 - 1
    } else {
      precision = fastPathDigits - digitCount
      scale = exponent
    }
    scale -= pieces.denominator.utf8.count
    let shifted = pieces.numerator + pieces.denominator
    guard precision >= 0, scale >= -9, let value = Int64(shifted) else { return nil }
    let (product, overflow) = value.multipliedReportingOverflow(by: isBinary ? 1 << exponent : 1)
    guard !overflow else { return nil }
    let kept: Bool
    if isBinary {
      kept = exponent % 10 == 0 && value & 7 != 0
    } else {
      kept = scale % 3 == 0 && !shifted.hasSuffix("000") && shifted.first != "0"
    }
    return Quantity(
      isNegative: pieces.isNegative, magnitude: DecimalMagnitude(UInt64(product), exponent: scale),
      format: format, keptText: kept ? text : nil)
  }

  /// Upstream's `inf.Dec` path: round up to nano, cap binary values at the Int64 maximum.
  static func slowPath(
    _ pieces: Pieces, isBinary: Bool, exponent: Int, format: Quantity.Format
  ) -> Quantity {
    let digits = (pieces.numerator + pieces.denominator).utf8.map { $0 - 48 }
    var magnitude = DecimalMagnitude(
      digits: digits,
      exponent: -pieces.denominator.utf8.count + (isBinary ? 0 : exponent))
    if isBinary { magnitude = magnitude.multiplied(byPowerOfTwo: exponent) }
    magnitude = magnitude.roundedUp(toExponent: -9).value
    var format = format
    if isBinary, DecimalMagnitude.compare(magnitude, maxInt64) > 0 { magnitude = maxInt64 }
    if isBinary, !magnitude.isZero, DecimalMagnitude.compare(magnitude, DecimalMagnitude(1)) < 0 {
      format = .decimalSI
    }
    return Quantity(isNegative: pieces.isNegative, magnitude: magnitude, format: format)
  }
}
