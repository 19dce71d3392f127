extension String {
  /// The text safe inside HTML and SVG, in element content and in quoted attributes alike.
  var htmlEscaped: String {
    guard contains(where: { "&<>\"'".contains($0) }) else { return self }
    var out = ""
    out.reserveCapacity(count + 16)
    for character in self {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
