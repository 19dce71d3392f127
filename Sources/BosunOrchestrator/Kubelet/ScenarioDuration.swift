/// A duration as a scenario file writes it: a number of seconds, or Go's `time.ParseDuration`
/// text (`90s`, `5m`, `1m30s`, `1.5h`, `250ms`).
public enum ScenarioDuration {
  // mirrors Go's time.ParseDuration grammar: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, or a bare "0";
  // negative durations parse there but mean nothing here, so they are refused.
  private static let units: [(suffix: String, seconds: Double)] = [
    ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60),
    ("h", 3600),
  ]

  /// Seconds, or nil when `text` is not a non-negative Go duration.
  public static func seconds(parsing text: String) -> Double? {
    var rest = Substring(text)
    if rest.first == "+" { rest = rest.dropFirst() }
    if rest == "0" { return 0 }
    guard !rest.isEmpty else { return nil }
    var total = 0.0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1,
        let value = Double("0" + number + (number.hasSuffix(".") ? "0" : ""))
      else { return nil }
      rest = rest.dropFirst(number.count)
      let suffix = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
      guard let unit = units.first(where: { $0.suffix == suffix }) else { return nil }
      rest = rest.dropFirst(suffix.count)
      total += value * unit.seconds
    }
    return total
  }
}
