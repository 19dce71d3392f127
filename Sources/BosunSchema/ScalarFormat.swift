/// Checks of the string and number formats the Kubernetes schemas name.
enum ScalarFormat {
  /// Whether `text` is an RFC 3339 date-time (`2024-05-01T12:00:00Z`, optional fraction and
  /// numeric offset), as `metav1.Time` reads it.
  static func isDateTime(_ text: String) -> Bool {
    let chars = Array(text)
    func digits(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= chars.count,
        chars[range].allSatisfy(\.isASCIIDigit)
      else { return nil }
      return Int(String(chars[range]))
    }
    guard chars.count >= 20, let month = digits(5..<7), let day = digits(8..<10),
      let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
      digits(0..<4) != nil, chars[4] == "-", chars[7] == "-", "Tt".contains(chars[10]),
      chars[13] == ":", chars[16] == ":", (1...12).contains(month), (1...31).contains(day),
      hour < 24, minute < 60, second < 61
    else { return false }
    var index = 19
    if index < chars.count, chars[index] == "." {
      index += 1
      let start = index
      while index < chars.count, chars[index].isASCIIDigit { index += 1 }
      guard index > start else { return false }
    }
    guard index < chars.count else { return false }
    if "Zz".contains(chars[index]) { return index + 1 == chars.count }
    guard "+-".contains(chars[index]), index + 6 == chars.count,
      let offsetHour = digits((index + 1)..<(index + 3)), chars[index + 3] == ":",
      let offsetMinute = digits((index + 4)..<(index + 6))
    else { return false }
    return offsetHour < 24 && offsetMinute < 60
  }

  /// Whether `text` is standard base64 (the `byte` format of Secret `data`).
  static func isBase64(_ text: String) -> Bool {
    let body = text.filter { !$0.isWhitespace }
    guard body.count % 4 == 0 else { return false }
    let padding = body.reversed().prefix(while: { $0 == "=" }).count
    guard padding <= 2 else { return false }
    return body.dropLast(padding).allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/")
    }
  }

  /// The range an integer format allows, when it is bounded more tightly than Int64.
  static func integerRange(_ format: String?) -> ClosedRange<Int64>? {
    format == "int32" ? Int64(Int32.min)...Int64(Int32.max) : nil
  }
}

extension Character {
  /// `0`…`9` only.
  var isASCIIDigit: Bool { isASCII && isNumber }
}
