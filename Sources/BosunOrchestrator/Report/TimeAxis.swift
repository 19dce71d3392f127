/// A time axis from 0 to `end` seconds mapped onto `width` pixels, with ticks at round
/// durations (10s, 1m, 5m, 1h ...) labelled the way kubectl writes durations.
struct TimeAxis {
  /// The last second shown; at least 1, so an instant report still has an axis.
  let end: Double
  /// Pixels from 0 to `end`.
  let width: Double

  /// Round steps a person counts in, in seconds.
  private static let steps: [Double] = [
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200,
    86_400,
  ]

  init(end: Double, width: Double) {
    self.end = end.isFinite && end > 0 ? end : 1
    self.width = width
  }

  /// The x position of a time, clamped to the axis.
  func x(_ time: Double) -> Double {
    min(max(time, 0), end) / end * width
  }

  /// Tick times: the smallest round step that gives at most `maximum` intervals.
  func ticks(maximum: Int = 8) -> [Double] {
    let step =
      Self.steps.first { end / $0 <= Double(maximum) }
      ?? (end / Double(maximum) / 86_400).rounded(.up) * 86_400
    return stride(from: 0, through: end, by: step).map { $0 }
  }
}
