/// A workload's replica counts over time as an SVG step chart: desired, updated, ready and
/// available replicas, all pods as a shaded band, the verdict as a marker, faults as dotted
/// lines. Colours are the Okabe–Ito palette, and each series also has its own dash pattern, so
/// the chart reads without telling colours apart.
struct ReplicaChart {
  /// One line of the chart.
  struct Series {
    let name: String
    let colour: String
    let dash: String?
    let width: Double
    let value: (ReplicaSample) -> Int
  }

  static var series: [Series] {
    [
      Series(name: "desired", colour: "#000000", dash: "2 3", width: 1.5, value: \.desired),
      Series(name: "updated", colour: "#0072B2", dash: nil, width: 2, value: \.updated),
      Series(name: "ready", colour: "#E69F00", dash: "7 3", width: 2, value: \.ready),
      Series(name: "available", colour: "#009E73", dash: nil, width: 3, value: \.available),
    ]
  }

  let workload: WorkloadOutcome
  let faults: [FaultOutcome]
  let axis: TimeAxis

  static let width = 900.0
  static let height = 220.0
  static let left = 44.0
  static let right = 150.0
  static let top = 38.0
  static let bottom = 26.0

  init(workload: WorkloadOutcome, faults: [FaultOutcome], end: Double) {
    self.workload = workload
    self.faults = faults
    axis = TimeAxis(end: end, width: Self.width - Self.left - Self.right)
  }

  private var plotHeight: Double { Self.height - Self.top - Self.bottom }

  private var maximum: Int {
    max(1, workload.samples.map { max($0.desired, $0.total) }.max() ?? 1)
  }

  private func y(_ value: Int) -> Double {
    Self.top + plotHeight - Double(value) / Double(maximum) * plotHeight
  }

  private func x(_ time: Double) -> Double { Self.left + axis.x(time) }

  /// The chart as an `<svg>` element.
  var svg: String {
    var out =
      "<svg class=\"chart\" viewBox=\"0 0 \(Self.width.svg) \(Self.height.svg)\" role=\"img\" "
      + "aria-label=\"replicas of \(workload.object.description.htmlEscaped) over time\">\n"
    out += grid()
    out += band()
    // The thickest line first, so thinner ones stay visible where the counts coincide; each is
    // also nudged by a pixel.
    for (offset, series) in Self.series.enumerated().reversed() {
      out += line(series, nudge: Double(offset) - 1.5)
    }
    out += markers()
    out += legend()
    out += "</svg>\n"
    return out
  }

  private func grid() -> String {
    var out = "<g class=\"grid\">"
    for value in valueTicks() {
      let y = y(value).svg
      out += "<line x1=\"\(Self.left.svg)\" x2=\"\(x(axis.end).svg)\" y1=\"\(y)\" y2=\"\(y)\"/>"
      out += "<text class=\"tick\" x=\"\((Self.left - 6).svg)\" y=\"\(y)\" text-anchor=\"end\" "
      out += "dominant-baseline=\"middle\">\(value)</text>"
    }
    let base = (Self.top + plotHeight).svg
    for tick in axis.ticks() {
      let x = x(tick).svg
      out +=
        "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(base)\" y2=\"\((Self.top + plotHeight + 4).svg)\"/>"
      out += "<text class=\"tick\" x=\"\(x)\" y=\"\((Self.height - 6).svg)\" "
      out += "text-anchor=\"middle\">\(HumanDuration.text(tick))</text>"
    }
    out += "<line class=\"axis\" x1=\"\(Self.left.svg)\" x2=\"\(x(axis.end).svg)\" "
    out += "y1=\"\(base)\" y2=\"\(base)\"/></g>\n"
    return out
  }

  private func valueTicks() -> [Int] {
    let step =
      [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].first { maximum / $0 <= 5 }
      ?? (maximum / 5 + 999) / 1000 * 1000
    return Array(stride(from: 0, through: maximum, by: step))
  }

  /// The step path of a value over time, held until the end of the axis.
  private func path(_ value: (ReplicaSample) -> Int, nudge: Double = 0) -> String {
    guard let first = workload.samples.first else { return "" }
    var d = "M\(x(first.time).svg) \((y(value(first)) + nudge).svg)"
    var last = value(first)
    for sample in workload.samples.dropFirst() where value(sample) != last {
      last = value(sample)
      d += "H\(x(sample.time).svg)V\((y(last) + nudge).svg)"
    }
    d += "H\(x(axis.end).svg)"
    return d
  }

  private func band() -> String {
    guard let first = workload.samples.first else { return "" }
    let top = path(\.total)
    let base = (Self.top + plotHeight).svg
    return "<path class=\"pods\" d=\"\(top)V\(base)H\(x(first.time).svg)Z\">"
      + "<title>all pods, terminating ones included</title></path>\n"
  }

  private func line(_ series: Series, nudge: Double) -> String {
    guard !workload.samples.isEmpty else { return "" }
    var out = "<path fill=\"none\" stroke=\"\(series.colour)\" stroke-width=\"\(series.width.svg)\""
    if let dash = series.dash { out += " stroke-dasharray=\"\(dash)\"" }
    out += " d=\"\(path(series.value, nudge: nudge))\"><title>\(series.name)</title></path>\n"
    return out
  }

  private func markers() -> String {
    var out = ""
    // Faults close together share one label, so that the texts do not overlap; each keeps its
    // own line.
    var groups: [(at: Double, labels: [String])] = []
    for fault in faults.sorted(by: { $0.at < $1.at }) {
      let label = "\(fault.node) \(fault.kind == .drain ? "drained" : "failed")"
      if let last = groups.last, x(fault.at) - x(last.at) < 140 {
        groups[groups.count - 1].labels.append(label)
        out += marker(at: fault.at, label: "", className: "fault", row: 0)
      } else {
        groups.append((fault.at, [label]))
      }
    }
    for group in groups {
      out += marker(
        at: group.at, label: group.labels.joined(separator: ", "), className: "fault", row: 0)
    }
    switch workload.verdict {
    case .completes(let at):
      out += marker(at: at, label: "complete \(HumanDuration.text(at))", className: "done", row: 1)
    case .stalls(let reason, let since):
      let x = x(since)
      out += "<rect class=\"stalled\" x=\"\(x.svg)\" y=\"\(Self.top.svg)\" "
      out += "width=\"\((self.x(axis.end) - x).svg)\" height=\"\(plotHeight.svg)\">"
      out += "<title>\(reason.htmlEscaped)</title></rect>\n"
      out += marker(
        at: since, label: "stalled since \(HumanDuration.text(since))", className: "stall", row: 1)
    case .progressDeadlineExceeded(let at):
      out += marker(
        at: at, label: "deadline exceeded \(HumanDuration.text(at))", className: "stall", row: 1)
    case .failed(let reason):
      out += marker(
        at: workload.finishedAt ?? workload.startedAt, label: "failed: \(reason)",
        className: "stall", row: 1)
    }
    return out
  }

  private func marker(at time: Double, label: String, className: String, row: Int) -> String {
    let x = x(time)
    let anchorEnd = x > Self.left + axis.width * 0.7
    var out = "<g class=\"marker \(className)\"><line x1=\"\(x.svg)\" x2=\"\(x.svg)\" "
    out += "y1=\"\(Self.top.svg)\" y2=\"\((Self.top + plotHeight).svg)\"/>"
    out += "<text x=\"\((anchorEnd ? x - 4 : x + 4).svg)\" "
    out += "y=\"\((Self.top - 24 + Double(row) * 14).svg)\" "
    out += "text-anchor=\"\(anchorEnd ? "end" : "start")\">\(label.htmlEscaped)</text></g>\n"
    return out
  }

  private func legend() -> String {
    let x0 = Self.width - Self.right + 16
    var out = "<g class=\"legend\">"
    for (index, series) in Self.series.enumerated() {
      let y = Self.top + 8 + Double(index) * 20
      out += "<line x1=\"\(x0.svg)\" x2=\"\((x0 + 26).svg)\" y1=\"\(y.svg)\" y2=\"\(y.svg)\" "
      out += "stroke=\"\(series.colour)\" stroke-width=\"\(series.width.svg)\""
      if let dash = series.dash { out += " stroke-dasharray=\"\(dash)\"" }
      out += "/><text x=\"\((x0 + 32).svg)\" y=\"\(y.svg)\" dominant-baseline=\"middle\">"
      out += "\(series.name)</text>"
    }
    let y = Self.top + 8 + Double(Self.series.count) * 20
    out += "<rect class=\"pods\" x=\"\(x0.svg)\" y=\"\((y - 6).svg)\" width=\"26\" height=\"12\"/>"
    out +=
      "<text x=\"\((x0 + 32).svg)\" y=\"\(y.svg)\" dominant-baseline=\"middle\">all pods</text>"
    out += "</g>\n"
    return out
  }
}
