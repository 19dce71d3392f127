/// A Kubernetes resource quantity (`500m`, `1.5Gi`, `1e3`), with upstream's parsing, rounding,
/// comparison and canonical printing.
///
/// Mirrors k8s.io/apimachinery `pkg/api/resource/quantity.go`. Values are exact: where upstream
/// leaves its Int64 fast path for arbitrary precision, Bosun keeps a decimal of any size, so
/// `1e1000` and 40-digit numbers parse, compare and print without trapping. Two quantities are
/// equal when their values are (`1000m == 1`, `1Gi == 1024Mi`), whatever their format.
public struct Quantity: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// How a quantity prints: chosen from the suffix it was written with.
  public enum Format: String, Hashable, Sendable {
    /// `12e6`: a decimal exponent.
    case decimalExponent = "DecimalExponent"
    /// `12Mi`: powers of 1024.
    case binarySI = "BinarySI"
    /// `12M`: powers of 1000.
    case decimalSI = "DecimalSI"
  }

  /// The format the quantity prints in.
  public let format: Format
  /// Whether the value is below zero.
  let isNegative: Bool
  /// The absolute value.
  let magnitude: DecimalMagnitude
  /// The input text when upstream keeps it as the printed form (it was already canonical).
  let keptText: String?

  init(isNegative: Bool, magnitude: DecimalMagnitude, format: Format, keptText: String? = nil) {
    self.isNegative = isNegative && !magnitude.isZero
    self.magnitude = magnitude
    self.format = format
    self.keptText = keptText
  }

  /// Parses a quantity as the API server does; see `QuantityParseError` for what fails.
  public init(parsing text: String) throws(QuantityParseError) {
    self = try QuantityParser.parse(text)
  }

  /// A whole number of units in the given format (`Quantity(1024, format: .binarySI)` is `1Ki`).
  public init(_ value: Int64, format: Format = .decimalSI) {
    self.init(
      isNegative: value < 0, magnitude: DecimalMagnitude(value.magnitude), format: format)
  }

  /// A number of thousandths (`Quantity(milli: 500)` is `500m`).
  public init(milli value: Int64, format: Format = .decimalSI) {
    self.init(
      isNegative: value < 0, magnitude: DecimalMagnitude(value.magnitude, exponent: -3),
      format: format)
  }

  /// Zero.
  public static let zero = Quantity(0)

  /// Whether the value is zero.
  public var isZero: Bool { magnitude.isZero }

  /// -1, 0 or 1 for negative, zero and positive values.
  public var sign: Int { isZero ? 0 : (isNegative ? -1 : 1) }

  /// The printed form, as upstream `String()`: the input itself when it was already canonical
  /// (so `100m` stays `100m`), otherwise `canonical`.
  public var description: String { keptText ?? canonical }

  /// The canonical form: no fractional digits, the largest suffix that loses nothing
  /// (`1.5Gi` → `1536Mi`, `0.5` → `500m`, `1000m` → `1`, `1024Mi` → `1Gi`).
  public var canonical: String { QuantityFormatter.canonical(self) }

  /// The value in units of `10^scale`, rounded up (away from zero), saturating at the Int64
  /// bounds: `value` is `scaledValue(0)`, `milliValue` is `scaledValue(-3)`.
  ///
  /// Mirrors upstream `ScaledValue`, which rounds up so that a request of `0.1m` still asks
  /// for something. Upstream wraps around on overflow; Bosun saturates instead.
  public func scaledValue(_ scale: Int) -> Int64 {
    guard let units = magnitude.units(ofExponent: scale) else {
      return isNegative ? .min : .max
    }
    if isNegative {
      return units > UInt64(Int64.max) + 1 ? .min : Int64(truncatingIfNeeded: 0 &- units)
    }
    return units > UInt64(Int64.max) ? .max : Int64(units)
  }

  /// The value rounded up to a whole number (`1500m` → 2), as upstream `Value()`.
  public var value: Int64 { scaledValue(0) }

  /// The value in thousandths rounded up (`0.0001` → 1), as upstream `MilliValue()`.
  public var milliValue: Int64 { scaledValue(-3) }

  /// The sum, exact for any size. The format is the left operand's, or the right one's when
  /// the left is zero, as upstream `Add`; the printed form is always recomputed.
  public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
    let format = lhs.isZero ? rhs.format : lhs.format
    if lhs.isNegative == rhs.isNegative {
      return Quantity(
        isNegative: lhs.isNegative, magnitude: lhs.magnitude + rhs.magnitude, format: format)
    }
    let leftIsLarger = DecimalMagnitude.compare(lhs.magnitude, rhs.magnitude) >= 0
    return Quantity(
      isNegative: leftIsLarger ? lhs.isNegative : rhs.isNegative,
      magnitude: DecimalMagnitude.distance(lhs.magnitude, rhs.magnitude), format: format)
  }

  /// The difference, as upstream `Sub`.
  public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
    lhs + Quantity(isNegative: !rhs.isNegative, magnitude: rhs.magnitude, format: rhs.format)
  }

  /// Adds in place.
  public static func += (lhs: inout Quantity, rhs: Quantity) { lhs = lhs + rhs }

  /// Subtracts in place.
  public static func -= (lhs: inout Quantity, rhs: Quantity) { lhs = lhs - rhs }

  /// The value negated, as upstream `Neg`.
  public static prefix func - (operand: Quantity) -> Quantity {
    Quantity(isNegative: !operand.isNegative, magnitude: operand.magnitude, format: operand.format)
  }

  /// Compares values, ignoring format and spelling.
  public static func == (lhs: Quantity, rhs: Quantity) -> Bool {
    lhs.isNegative == rhs.isNegative && lhs.magnitude == rhs.magnitude
  }

  /// Hashes the value only, consistent with `==`.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(isNegative)
    hasher.combine(magnitude)
  }

  /// Orders by value.
  public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
    if lhs.sign != rhs.sign { return lhs.sign < rhs.sign }
    let order = DecimalMagnitude.compare(lhs.magnitude, rhs.magnitude)
    return lhs.isNegative ? order > 0 : order < 0
  }
}
