extension Double {
  /// The number for an SVG attribute: at most one decimal and no trailing `.0`, so charts have
  /// stable, compact bytes.
  var svg: String {
    let tenths = Int((self * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    let fraction = magnitude % 10 == 0 ? "" : ".\(magnitude % 10)"
    return "\(sign)\(magnitude / 10)\(fraction)"
  }
}
