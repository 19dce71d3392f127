import BosunCore

extension CheckReport {
  /// Every file the report mentions (sources, objects, diagnostics and their notes), sorted, so
  /// formats that group by file list the same files in the same order.
  public var mentionedFiles: [String] {
    var names = Set(sources.keys)
    for object in objects { names.insert(object.location.file) }
    for diagnostic in diagnostics {
      if let location = diagnostic.location { names.insert(location.file) }
      for note in diagnostic.notes {
        if let location = note.location { names.insert(location.file) }
      }
    }
    return names.sorted()
  }

  /// `codes` sorted by code, plus a bare description (the code itself as summary, the finding's
  /// severity as default) for any code a diagnostic uses that `codes` does not describe, so that
  /// every finding has a rule to point at.
  ///
  /// The dictionary key is taken as the code, so a finding always finds its description.
  public var describedCodes: [CodeInfo] {
    var described = codes
    for (key, info) in described where info.code != key { described[key]?.code = key }
    for d in diagnostics where described[d.code] == nil {
      described[d.code] = CodeInfo(code: d.code, summary: d.code, defaultSeverity: d.severity)
    }
    return described.keys.sorted().compactMap { described[$0] }
  }
}

extension SourceLocation {
  /// `file:line:column`, shortened to `file:line` or `file` when the column or line is unknown
  /// (0), as for a file that could not be read at all.
  var shown: String {
    guard line >= 1 else { return file }
    guard column >= 1 else { return "\(file):\(line)" }
    return description
  }
}
