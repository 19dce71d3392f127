/// A container image reference split as the container runtime reads it:
/// `[registry/]repository[:tag][@digest]`.
struct ImageReference: Equatable {
  /// The registry host (`docker.io` when none is written).
  var registry: String
  /// The repository path (`library/nginx` for `nginx`).
  var repository: String
  /// The tag, if written.
  var tag: String?
  /// The digest (`sha256:…`), if written.
  var digest: String?

  /// Splits a reference; a first component is a registry when it has a dot or a port, or is
  /// `localhost`, as in the distribution reference grammar.
  init(_ text: String) {
    var rest = Substring(text)
    if let at = rest.firstIndex(of: "@") {
      digest = String(rest[rest.index(after: at)...])
      rest = rest[..<at]
    }
    let lastSlash = rest.lastIndex(of: "/")
    let nameStart = lastSlash.map { rest.index(after: $0) } ?? rest.startIndex
    if let colon = rest[nameStart...].lastIndex(of: ":") {
      tag = String(rest[rest.index(after: colon)...])
      rest = rest[..<colon]
    }
    let components = rest.split(separator: "/", maxSplits: 1).map(String.init)
    if components.count == 2,
      components[0].contains(".") || components[0].contains(":") || components[0] == "localhost"
    {
      registry = components[0]
      repository = components[1]
    } else {
      registry = "docker.io"
      repository = components.count == 1 ? "library/\(rest)" : String(rest)
    }
  }

  /// `registry/repository`.
  var fullName: String { "\(registry)/\(repository)" }

  /// Whether the reference may point at different images over time: no digest, and no tag or
  /// the `latest` tag.
  var isFloating: Bool { digest == nil && (tag == nil || tag == "latest") }
}
