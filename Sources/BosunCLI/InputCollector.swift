public import BosunCore
import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// One input to check: its name as the user should see it, and its bytes.
public struct InputFile: Sendable {
  /// The path as given or as found under a given folder; `-` for standard input.
  public var name: String
  /// The raw bytes.
  public var bytes: [UInt8]

  /// Creates an input.
  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
}

/// Turns the paths on the command line into inputs: files as given, folders walked recursively
/// for `.yaml`, `.yml` and `.json` (hidden entries skipped, symlink loops detected), `-` as
/// standard input, all minus the ignore globs.
public struct InputCollector {
  /// Extensions picked up when walking a folder.
  public static let manifestExtensions: Set<String> = ["yaml", "yml", "json"]

  /// Globs (fnmatch, `*` also crosses `/`) matched against each path found and its base name.
  public var ignoreGlobs: [String]
  /// Reads standard input; replaceable in tests.
  public var readStandardInput: () -> [UInt8]

  /// Creates a collector.
  public init(
    ignoreGlobs: [String] = [],
    readStandardInput: @escaping () -> [UInt8] = {
      [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
  ) {
    self.ignoreGlobs = ignoreGlobs
    self.readStandardInput = readStandardInput
  }

  /// Collects every input; problems (`input.*`) come back as diagnostics, never as a crash.
  public func collect(_ paths: [String]) -> (files: [InputFile], diagnostics: [Diagnostic]) {
    var files: [InputFile] = []
    var diagnostics: [Diagnostic] = []
    var visitedDirectories = Set<String>()
    for path in paths {
      if path == "-" {
        files.append(InputFile(name: "-", bytes: readStandardInput()))
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        diagnostics.append(
          Diagnostic(
            .error, code: "input.not-found",
            message: "\(path) does not exist (or is a broken symbolic link)"))
        continue
      }
      if isDirectory.boolValue {
        walk(
          path, ancestors: [], visited: &visitedDirectories, files: &files,
          diagnostics: &diagnostics)
      } else if !isIgnored(path) {
        read(path, into: &files, diagnostics: &diagnostics)
      }
    }
    return (files, diagnostics)
  }

  private func walk(
    _ directory: String, ancestors: Set<String>, visited: inout Set<String>,
    files: inout [InputFile], diagnostics: inout [Diagnostic]
  ) {
    let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    if ancestors.contains(real) {
      diagnostics.append(
        Diagnostic(
          .warning, code: "input.symlink-loop",
          message: "\(directory) leads back to a folder already being read; skipped"))
      return
    }
    guard visited.insert(real).inserted else { return }
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    } catch {
      diagnostics.append(
        Diagnostic(
          .error, code: "input.unreadable",
          message: "cannot list \(directory): \(Self.reason(error))"))
      return
    }
    let inner = ancestors.union([real])
    for entry in entries where !entry.hasPrefix(".") {
      let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
      if isIgnored(path) { continue }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        continue  // a dangling link inside a folder is not a manifest
      }
      if isDirectory.boolValue {
        walk(path, ancestors: inner, visited: &visited, files: &files, diagnostics: &diagnostics)
      } else if Self.manifestExtensions.contains(
        (entry as NSString).pathExtension.lowercased())
      {
        read(path, into: &files, diagnostics: &diagnostics)
      }
    }
  }

  private func read(_ path: String, into files: inout [InputFile], diagnostics: inout [Diagnostic])
  {
    switch Self.contents(of: path) {
    case .success(let bytes): files.append(InputFile(name: path, bytes: bytes))
    case .failure(let code):
      diagnostics.append(
        Diagnostic(
          .error, code: "input.unreadable",
          message: "cannot read \(path): \(String(cString: strerror(code.value)))"))
    }
  }

  /// An `errno` value.
  struct SystemError: Error {
    var value: Int32
  }

  /// A whole file's bytes, read with one allocation of the size the file reports and then, for
  /// a pipe or a file that grows meanwhile, in doubling steps until the end.
  static func contents(of path: String) -> Result<[UInt8], SystemError> {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return .failure(SystemError(value: errno)) }
    defer { close(descriptor) }
    var status = stat()
    let reported = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    var bytes: [UInt8] = []
    var capacity = max(reported + 1, 64 * 1024)
    while true {
      var failure: Int32 = 0
      var atEnd = false
      let start = bytes.count
      // Fill the free room; a read of zero bytes is the end of the file.
      let room = capacity - start
      let added = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
        count = 0
        while count < room {
          let got = systemRead(descriptor, buffer.baseAddress! + count, room - count)
          if got < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          if got == 0 {
            atEnd = true
            return
          }
          count += got
        }
      }
      if failure != 0 { return .failure(SystemError(value: failure)) }
      if start == 0 && atEnd { return .success(added) }
      bytes.append(contentsOf: added)
      if atEnd { return .success(bytes) }
      capacity *= 2
    }
  }

  private func isIgnored(_ path: String) -> Bool {
    let base = (path as NSString).lastPathComponent
    let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    return ignoreGlobs.contains { glob in
      fnmatch(glob, trimmed, 0) == 0 || fnmatch(glob, base, 0) == 0
    }
  }

  private static func reason(_ error: any Error) -> String {
    (error as NSError).localizedFailureReason ?? error.localizedDescription
  }
}
