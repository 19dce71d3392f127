/// Prints quantities in upstream's canonical form.
///
/// Mirrors `CanonicalizeBytes` in k8s.io/apimachinery `pkg/api/resource/quantity.go`: decimal
/// formats move factors of ten into an exponent that is a multiple of three; binary values below
/// 1024 or with a fraction print as decimal SI; decimal SI exponents beyond `E` fall back to
/// exponent notation.
enum QuantityFormatter {
  static let decimalSuffixes: [Int: String] = [
    -9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E",
  ]
  static let binarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

  static func canonical(_ quantity: Quantity) -> String {
    if quantity.isZero { return "0" }
    let sign = quantity.isNegative ? "-" : ""
    let magnitude = quantity.magnitude
    var format = quantity.format
    if format == .binarySI {
      let small = DecimalMagnitude.compare(magnitude, DecimalMagnitude(1024)) < 0
      // Binary printing expands the value to an integer; a sum can be astronomically large,
      // so beyond 4000 digits it prints as decimal instead (upstream would use a big integer).
      let expandable = magnitude.digits.count + magnitude.exponent <= 4000
      if small || magnitude.exponent < 0 || !expandable { format = .decimalSI }
    }
    if format == .binarySI, let integer = magnitude.integerDigits {
      var digits = integer
      var power = 0
      while power < binarySuffixes.count - 1 {
        let (quotient, remainder) = DecimalMagnitude.divide(digits, by: 1024)
        guard remainder == 0, !quotient.isEmpty else { break }
        digits = quotient
        power += 1
      }
      return sign + text(of: digits) + binarySuffixes[power]
    }
    var digits = magnitude.digits
    var exponent = magnitude.exponent
    while exponent % 3 != 0 {
      digits.append(0)
      exponent -= 1
    }
    let number = sign + text(of: digits)
    if format == .decimalSI, let suffix = decimalSuffixes[exponent] { return number + suffix }
    return exponent == 0 ? number : number + "e\(exponent)"
  }

  /// Digits (no leading zeros) as text.
  private static func text(of digits: [UInt8]) -> String {
    digits.isEmpty ? "0" : String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
  }
}
