/// A non-negative decimal number of any size: `digits × 10^exponent`.
///
/// Quantities keep an Int64 mantissa upstream and fall back to arbitrary precision when it
/// overflows; Bosun always uses this form, so `1e1000` or a 40-digit number never traps. The
/// exponent is kept apart from the digits and only expanded when a caller asks for an integer.
struct DecimalMagnitude: Hashable, Sendable {
  /// Decimal digits, most significant first, without leading or trailing zeros; empty for zero.
  private(set) var digits: [UInt8]
  /// Power of ten the digits are scaled by; 0 for zero.
  private(set) var exponent: Int

  /// Zero.
  static let zero = DecimalMagnitude(digits: [], exponent: 0)

  /// Creates a magnitude, normalising leading and trailing zeros away.
  init(digits: [UInt8], exponent: Int) {
    var digits = digits[...]
    while digits.first == 0 { digits = digits.dropFirst() }
    var exponent = exponent
    while digits.last == 0 {
      digits = digits.dropLast()
      exponent += 1
    }
    self.digits = Array(digits)
    self.exponent = digits.isEmpty ? 0 : exponent
  }

  /// Creates a magnitude from an unsigned integer.
  init(_ value: UInt64, exponent: Int = 0) {
    self.init(digits: String(value).utf8.map { $0 - 48 }, exponent: exponent)
  }

  /// Whether the magnitude is zero.
  var isZero: Bool { digits.isEmpty }

  /// One more than the power of ten of the leading digit (`123` → 3, `0.05` → -1).
  private var order: Int { digits.count + exponent }

  /// -1, 0 or 1 as `lhs` is smaller, equal or larger than `rhs`.
  static func compare(_ lhs: DecimalMagnitude, _ rhs: DecimalMagnitude) -> Int {
    if lhs.isZero || rhs.isZero { return (lhs.isZero ? 0 : 1) - (rhs.isZero ? 0 : 1) }
    if lhs.order != rhs.order { return lhs.order < rhs.order ? -1 : 1 }
    for index in 0..<max(lhs.digits.count, rhs.digits.count) {
      let left = index < lhs.digits.count ? lhs.digits[index] : 0
      let right = index < rhs.digits.count ? rhs.digits[index] : 0
      if left != right { return left < right ? -1 : 1 }
    }
    return 0
  }

  /// The magnitude multiplied by `2^power`.
  func multiplied(byPowerOfTwo power: Int) -> DecimalMagnitude {
    var reversed = Array(digits.reversed())
    for _ in 0..<max(power, 0) {
      var carry: UInt8 = 0
      for index in reversed.indices {
        let doubled = reversed[index] * 2 + carry
        reversed[index] = doubled % 10
        carry = doubled / 10
      }
      if carry > 0 { reversed.append(carry) }
    }
    return DecimalMagnitude(digits: reversed.reversed(), exponent: exponent)
  }

  /// The smallest multiple of `10^scale` not below the magnitude, and whether that is exact.
  func roundedUp(toExponent scale: Int) -> (value: DecimalMagnitude, exact: Bool) {
    guard !isZero, exponent < scale else { return (self, true) }
    let dropped = scale - exponent
    guard dropped < digits.count else { return (DecimalMagnitude(1, exponent: scale), false) }
    // Normalised digits end in a non-zero digit, so anything dropped makes the result inexact.
    var kept = Array(digits.prefix(digits.count - dropped))
    var index = kept.count - 1
    while index >= 0 {
      if kept[index] < 9 {
        kept[index] += 1
        break
      }
      kept[index] = 0
      index -= 1
    }
    if index < 0 { kept.insert(1, at: 0) }
    return (DecimalMagnitude(digits: kept, exponent: scale), false)
  }

  /// The count of `10^scale` units, rounded up, or nil beyond `UInt64`.
  func units(ofExponent scale: Int) -> UInt64? {
    let rounded = roundedUp(toExponent: scale).value
    if rounded.isZero { return 0 }
    let zeros = rounded.exponent - scale
    guard rounded.digits.count + zeros <= 20 else { return nil }
    var result: UInt64 = 0
    for digit in rounded.digits + Array(repeating: 0, count: zeros) {
      let (times, overflow1) = result.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(UInt64(digit))
      if overflow1 || overflow2 { return nil }
      result = sum
    }
    return result
  }

  /// The digits with the exponent expanded, when the magnitude is a whole number.
  var integerDigits: [UInt8]? {
    guard exponent >= 0 else { return nil }
    return digits + Array(repeating: 0, count: exponent)
  }

  /// The digits (no exponent) as text, `0` for zero.
  var digitText: String {
    digits.isEmpty ? "0" : String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
  }

  /// Widest exponent gap added exactly; beyond it the smaller operand is below any precision
  /// a manifest can mean and is dropped, so `1e2000000000 + 1` cannot exhaust memory.
  static let maxExactGap = 100_000

  /// The sum of two magnitudes.
  static func + (lhs: DecimalMagnitude, rhs: DecimalMagnitude) -> DecimalMagnitude {
    guard let (left, right, exponent) = aligned(lhs, rhs) else {
      return compare(lhs, rhs) >= 0 ? lhs : rhs
    }
    var sum: [UInt8] = []
    var carry: UInt8 = 0
    for index in 0..<max(left.count, right.count) {
      let digit =
        (index < left.count ? left[index] : 0) + (index < right.count ? right[index] : 0) + carry
      sum.append(digit % 10)
      carry = digit / 10
    }
    if carry > 0 { sum.append(carry) }
    return DecimalMagnitude(digits: sum.reversed(), exponent: exponent)
  }

  /// The difference of two magnitudes, the larger minus the smaller.
  static func distance(_ lhs: DecimalMagnitude, _ rhs: DecimalMagnitude) -> DecimalMagnitude {
    let (larger, smaller) = compare(lhs, rhs) >= 0 ? (lhs, rhs) : (rhs, lhs)
    guard let (left, right, exponent) = aligned(larger, smaller) else { return larger }
    var difference: [UInt8] = []
    var borrow: Int = 0
    for index in 0..<left.count {
      var digit = Int(left[index]) - (index < right.count ? Int(right[index]) : 0) - borrow
      borrow = digit < 0 ? 1 : 0
      if digit < 0 { digit += 10 }
      difference.append(UInt8(digit))
    }
    return DecimalMagnitude(digits: difference.reversed(), exponent: exponent)
  }

  /// Both operands' digits, least significant first, scaled to a common exponent; nil when
  /// the gap is too wide to expand.
  private static func aligned(_ lhs: DecimalMagnitude, _ rhs: DecimalMagnitude) -> (
    [UInt8], [UInt8], Int
  )? {
    if lhs.isZero || rhs.isZero {
      let other = lhs.isZero ? rhs : lhs
      return (Array(other.digits.reversed()), [], other.exponent)
    }
    let exponent = min(lhs.exponent, rhs.exponent)
    guard max(lhs.exponent, rhs.exponent) - exponent <= maxExactGap else { return nil }
    func widened(_ value: DecimalMagnitude) -> [UInt8] {
      Array(repeating: 0, count: value.exponent - exponent) + value.digits.reversed()
    }
    return (widened(lhs), widened(rhs), exponent)
  }

  /// Divides a big-endian digit string by a small divisor.
  static func divide(_ digits: [UInt8], by divisor: Int) -> (quotient: [UInt8], remainder: Int) {
    var quotient: [UInt8] = []
    var remainder = 0
    for digit in digits {
      let current = remainder * 10 + Int(digit)
      let next = UInt8(current / divisor)
      if !(quotient.isEmpty && next == 0) { quotient.append(next) }
      remainder = current % divisor
    }
    return (quotient, remainder)
  }
}
