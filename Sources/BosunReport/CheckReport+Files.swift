import BosunCore

extension CheckReport {
  /// Every file the report mentions (sources, objects, diagnostics and their notes), sorted, so
  /// formats that group by file list the same files in the same order.
  public var files: [String] {
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
