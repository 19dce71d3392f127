extension ResourceList {
  /// The amounts as a person reads them, `1500m cpu, 3Gi memory, 1 nvidia.com/gpu`; names
  /// with a zero amount are left out, and an empty list reads as `nothing`.
  var text: String {
    let parts = names.map { name -> String in
      switch name {
      case "cpu": "\(Self.cpuText(milliCPU)) cpu"
      case "memory": "\(Self.bytesText(memory)) memory"
      case "ephemeral-storage": "\(Self.bytesText(ephemeralStorage)) ephemeral-storage"
      default: "\(self[name]) \(name)"
      }
    }
    return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
  }

  /// Millicores as a quantity: whole cores as `2`, the rest as `1500m`.
  static func cpuText(_ milliCPU: Int64) -> String {
    milliCPU % 1000 == 0 ? String(milliCPU / 1000) : "\(milliCPU)m"
  }

  /// Bytes in the largest binary unit that keeps a whole number of tenths: `3Gi`, `1.5Gi`, `512Mi`.
  static func bytesText(_ bytes: Int64) -> String {
    let units: [(String, Int64)] = [
      ("Ti", 1 << 40), ("Gi", 1 << 30), ("Mi", 1 << 20), ("Ki", 1 << 10),
    ]
    let magnitude = bytes.magnitude
    for (suffix, size) in units where magnitude >= UInt64(size) {
      let tenths = (magnitude * 10 + UInt64(size) / 2) / UInt64(size)
      let sign = bytes < 0 ? "-" : ""
      let fraction = tenths % 10 == 0 ? "" : ".\(tenths % 10)"
      return "\(sign)\(tenths / 10)\(fraction)\(suffix)"
    }
    return String(bytes)
  }
}
