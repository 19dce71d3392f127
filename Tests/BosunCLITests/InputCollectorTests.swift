import BosunCLI
import Foundation
import Testing

/// Files, folders, stdin, ignore globs and the file-system traps.
@Suite struct InputCollectorTests {
  private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bosun-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func walksFoldersForManifestExtensionsSkippingHidden() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["a.yaml", "b.yml", "c.json", "notes.txt", ".hidden.yaml", "sub/d.YAML", ".git/e.yaml"] {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("x: 1\n".utf8).write(to: url)
    }
    let (files, problems) = InputCollector().collect([dir.path])
    #expect(problems.isEmpty)
    #expect(files.map { ($0.name as NSString).lastPathComponent } == ["a.yaml", "b.yml", "c.json", "d.YAML"])
  }

  @Test func ignoreGlobsMatchPathsAndBaseNames() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["keep.yaml", "values.tmpl.yaml", "vendor/x.yaml"] {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("x: 1\n".utf8).write(to: url)
    }
    let (files, _) = InputCollector(ignoreGlobs: ["*.tmpl.yaml", "*/vendor"]).collect([dir.path])
    #expect(files.map { ($0.name as NSString).lastPathComponent } == ["keep.yaml"])
  }

  @Test func symlinkLoopIsReportedNotFollowedForever() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("x: 1\n".utf8).write(to: dir.appendingPathComponent("a.yaml"))
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("loop").path, withDestinationPath: dir.path)
    let (files, problems) = InputCollector().collect([dir.path])
    #expect(files.count == 1)
    #expect(problems.map(\.code) == ["input.symlink-loop"])
  }

  @Test func missingAndUnreadablePathsAreDiagnostics() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let locked = dir.appendingPathComponent("locked.yaml")
    try Data("x: 1\n".utf8).write(to: locked)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
    let (_, problems) = InputCollector().collect([dir.appendingPathComponent("nope.yaml").path, locked.path])
    #expect(problems.first?.code == "input.not-found")
    // root can read anything; the unreadable case is only observable as another user.
    if getuid() != 0 { #expect(problems.map(\.code) == ["input.not-found", "input.unreadable"]) }
  }

  @Test func dashReadsStandardInput() {
    let (files, _) = InputCollector(readStandardInput: { Array("kind: Pod\n".utf8) }).collect(["-"])
    #expect(files.map(\.name) == ["-"])
    #expect(files.first?.bytes.count == 10)
  }
}
