/// Node utilisation over time as SVG: the whole cluster's requested share of CPU, memory and
/// pod slots as lines, then one heat strip per node for the busiest nodes only, so a
/// thousand-node cluster draws as many rows as a six-node one.
struct NodeHeatmap {
  let nodes: [NodeUsage]
  let axis: TimeAxis
  let shown: Int

  /// Heat strip cells per node.
  static let buckets = 60
  /// Points of the cluster lines.
  static let points = 120
  static let width = 900.0
  static let left = 150.0
  static let right = 100.0
  static let rowHeight = 16.0

  /// Light to dark blue by utilisation: a ramp of lightness, readable by every colour vision.
  static let ramp = ["#f1f5f9", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b"]

  init(nodes: [NodeUsage], end: Double, shown: Int = 20) {
    self.nodes = nodes
    self.shown = shown
    axis = TimeAxis(end: end, width: Self.width - Self.left - Self.right)
  }

  /// The nodes drawn as strips: highest peak first, then by name.
  var busiest: [NodeUsage] {
    let ranked = nodes.map { (node: $0, peak: $0.peakUtilisation) }.sorted {
      $0.peak != $1.peak ? $0.peak > $1.peak : $0.node.name < $1.node.name
    }
    return ranked.prefix(shown).map(\.node)
  }

  // MARK: - Cluster lines

  /// The cluster's requested share of CPU, memory and pods at evenly spaced times.
  func clusterShares() -> [(time: Double, cpu: Double, memory: Double, pods: Double)] {
    let capacity = nodes.reduce(into: (cpu: 0.0, memory: 0.0, pods: 0.0)) { total, node in
      total.cpu += Double(node.allocatable.milliCPU)
      total.memory += Double(node.allocatable.memory)
      total.pods += Double(node.allowedPodCount)
    }
    let times = (0...Self.points).map { axis.end * Double($0) / Double(Self.points) }
    var sums = [(cpu: Double, memory: Double, pods: Double)](
      repeating: (0, 0, 0), count: times.count)
    for node in nodes {
      var index = 0
      var current: NodeUsage.Sample? = nil
      for (position, time) in times.enumerated() {
        while index < node.samples.count, node.samples[index].time <= time {
          current = node.samples[index]
          index += 1
        }
        guard let current else { continue }
        sums[position].cpu += Double(current.milliCPU)
        sums[position].memory += Double(current.memory)
        sums[position].pods += Double(current.pods)
      }
    }
    func share(_ amount: Double, _ of: Double) -> Double { of > 0 ? amount / of : 0 }
    return zip(times, sums).map {
      (
        $0, share($1.cpu, capacity.cpu), share($1.memory, capacity.memory),
        share($1.pods, capacity.pods)
      )
    }
  }

  /// The cluster lines as an `<svg>` element.
  var clusterSVG: String {
    let height = 150.0
    let (top, bottom) = (14.0, 26.0)
    let plot = height - top - bottom
    let shares = clusterShares()
    let peak = max(1, shares.map { max($0.cpu, $0.memory, $0.pods) }.max() ?? 1)
    func y(_ share: Double) -> Double { top + plot - share / peak * plot }
    var out = "<svg class=\"chart\" viewBox=\"0 0 \(Self.width.svg) \(height.svg)\" role=\"img\" "
    out += "aria-label=\"requested share of the cluster over time\">\n<g class=\"grid\">"
    for percent in stride(from: 0, through: Int(peak * 100), by: 25) {
      let y = y(Double(percent) / 100).svg
      out += "<line x1=\"\(Self.left.svg)\" x2=\"\((Self.left + axis.width).svg)\" "
      out +=
        "y1=\"\(y)\" y2=\"\(y)\"/><text class=\"tick\" x=\"\((Self.left - 6).svg)\" y=\"\(y)\" "
      out += "text-anchor=\"end\" dominant-baseline=\"middle\">\(percent)%</text>"
    }
    out += "</g>\n" + timeTicks(y: top + plot, labelY: height - 6)
    let lines: [(String, String, String?, (Double, Double, Double) -> Double)] = [
      ("cpu", "#0072B2", nil, { cpu, _, _ in cpu }),
      ("memory", "#E69F00", "7 3", { _, memory, _ in memory }),
      ("pods", "#000000", "2 3", { _, _, pods in pods }),
    ]
    for (index, line) in lines.enumerated() {
      let points = shares.map {
        "\((Self.left + axis.x($0.time)).svg),\(y(line.3($0.cpu, $0.memory, $0.pods)).svg)"
      }
      out += "<polyline fill=\"none\" stroke=\"\(line.1)\" stroke-width=\"2\""
      if let dash = line.2 { out += " stroke-dasharray=\"\(dash)\"" }
      out += " points=\"\(points.joined(separator: " "))\"><title>\(line.0)</title></polyline>\n"
      let legendY = (top + 8 + Double(index) * 20).svg
      let x0 = Self.left + axis.width + 16
      out += "<g class=\"legend\"><line x1=\"\(x0.svg)\" x2=\"\((x0 + 26).svg)\" y1=\"\(legendY)\" "
      out += "y2=\"\(legendY)\" stroke=\"\(line.1)\" stroke-width=\"2\""
      if let dash = line.2 { out += " stroke-dasharray=\"\(dash)\"" }
      out += "/><text x=\"\((x0 + 32).svg)\" y=\"\(legendY)\" dominant-baseline=\"middle\">"
      out += "\(line.0)</text></g>\n"
    }
    return out + "</svg>\n"
  }

  // MARK: - Heat strips

  /// The highest utilisation in each time bucket, the value held from before the bucket
  /// included, so short peaks stay visible.
  func bucketPeaks(_ node: NodeUsage) -> [Double?] {
    var peaks = [Double?](repeating: nil, count: Self.buckets)
    var index = 0
    var current: Double? = nil
    for bucket in 0..<Self.buckets {
      let end = axis.end * Double(bucket + 1) / Double(Self.buckets)
      var peak = current
      while index < node.samples.count,
        node.samples[index].time < end || (bucket == Self.buckets - 1)
      {
        let value = node.utilisation(node.samples[index])
        peak = max(peak ?? 0, value)
        current = value
        index += 1
      }
      peaks[bucket] = peak
    }
    return peaks
  }

  static func colour(_ share: Double) -> String {
    let index = Int((min(max(share, 0), 1) * Double(ramp.count - 1)).rounded())
    return ramp[index]
  }

  /// The strips as an `<svg>` element.
  var stripsSVG: String {
    let rows = busiest
    let top = 8.0
    let height = top + Double(rows.count) * Self.rowHeight + 30
    let cell = axis.width / Double(Self.buckets)
    var out = "<svg class=\"chart strips\" viewBox=\"0 0 \(Self.width.svg) \(height.svg)\" "
    out += "role=\"img\" aria-label=\"utilisation of the busiest nodes over time\">\n"
    out += "<defs><pattern id=\"down\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
    out += "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
    out += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#D55E00\" stroke-width=\"3\"/>"
    out += "</pattern></defs>\n"
    for (row, node) in rows.enumerated() {
      let y = top + Double(row) * Self.rowHeight
      let peak = Int((node.peakUtilisation * 100).rounded())
      out += "<text class=\"node\" x=\"\((Self.left - 6).svg)\" y=\"\((y + 8).svg)\" "
      out += "text-anchor=\"end\" dominant-baseline=\"middle\">\(node.name.htmlEscaped)</text>"
      for (bucket, share) in bucketPeaks(node).enumerated() {
        guard let share else { continue }
        let x = Self.left + Double(bucket) * cell
        out += "<rect x=\"\(x.svg)\" y=\"\(y.svg)\" width=\"\((cell + 0.3).svg)\" "
        out += "height=\"\((Self.rowHeight - 2).svg)\" fill=\"\(Self.colour(share))\"/>"
      }
      if let down = node.failedAt ?? node.drainedAt {
        let x = Self.left + axis.x(down)
        let what = node.failedAt != nil ? "failed" : "drained"
        out += "<rect x=\"\(x.svg)\" y=\"\(y.svg)\" width=\"\((Self.left + axis.width - x).svg)\" "
        out += "height=\"\((Self.rowHeight - 2).svg)\" fill=\"url(#down)\" opacity=\"0.8\">"
        out += "<title>\(what) at \(HumanDuration.text(down))</title></rect>"
      }
      out += "<text class=\"tick\" x=\"\((Self.left + axis.width + 8).svg)\" "
      out += "y=\"\((y + 8).svg)\" dominant-baseline=\"middle\">peak \(peak)%</text>\n"
    }
    out += timeTicks(
      y: top + Double(rows.count) * Self.rowHeight, labelY: height - 8)
    return out + "</svg>\n"
  }

  /// A legend of the colour ramp, as HTML.
  var rampLegend: String {
    var out = "<div class=\"ramp\">idle "
    for (index, colour) in Self.ramp.enumerated() {
      let percent = Int((Double(index) / Double(Self.ramp.count - 1) * 100).rounded())
      out += "<span style=\"background:\(colour)\" title=\"\(percent)%\"></span>"
    }
    out += " full <span class=\"down\"></span> failed or drained</div>\n"
    return out
  }

  private func timeTicks(y: Double, labelY: Double) -> String {
    var out = "<g class=\"grid\">"
    for tick in axis.ticks() {
      let x = (Self.left + axis.x(tick)).svg
      out += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(y.svg)\" y2=\"\((y + 4).svg)\"/>"
      out += "<text class=\"tick\" x=\"\(x)\" y=\"\(labelY.svg)\" text-anchor=\"middle\">"
      out += "\(HumanDuration.text(tick))</text>"
    }
    return out + "</g>\n"
  }
}
