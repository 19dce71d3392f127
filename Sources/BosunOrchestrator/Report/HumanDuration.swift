/// Seconds written the way kubectl writes ages and durations: `45s`, `4m12s`, `1h2m`, `3d4h`.
///
/// Two units at most, the larger first, the smaller left out when it is zero; under a second,
/// milliseconds (`250ms`), so a short wait never reads as `0s`.
public enum HumanDuration {
  /// The text for a number of seconds; negative and non-finite values read as `0s`.
  public static func text(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds > 0 else { return "0s" }
    if seconds < 1 {
      let milliseconds = Int((seconds * 1000).rounded())
      return milliseconds < 1000 ? "\(max(milliseconds, 1))ms" : "1s"
    }
    let total = Int(seconds.rounded())
    let (days, hours) = (total / 86_400, total % 86_400 / 3600)
    let (minutes, secs) = (total % 3600 / 60, total % 60)
    if days > 0 { return pair(days, "d", hours, "h") }
    if hours > 0 { return pair(hours, "h", minutes, "m") }
    if minutes > 0 { return pair(minutes, "m", secs, "s") }
    return "\(secs)s"
  }

  private static func pair(_ large: Int, _ largeUnit: String, _ small: Int, _ smallUnit: String)
    -> String
  {
    small == 0 ? "\(large)\(largeUnit)" : "\(large)\(largeUnit)\(small)\(smallUnit)"
  }
}
