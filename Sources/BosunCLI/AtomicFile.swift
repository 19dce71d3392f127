import Foundation

/// Writes files so that a reader never sees half of one: a temporary file beside the target,
/// then a rename.
enum AtomicFile {
  static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try data.write(to: temporary)
      // rename(2) replaces the target atomically when both sit in one folder.
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [
          NSFilePathErrorKey: path,
          NSLocalizedFailureReasonErrorKey: String(cString: strerror(errno)),
        ])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
