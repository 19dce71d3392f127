import ArgumentParser

/// The `bosun` command: checks, diffs and rehearses Kubernetes manifests, offline.
public struct BosunCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "bosun",
    abstract: "Check Kubernetes manifests offline, with exact positions for every finding.",
    version: BosunVersion.current,
    subcommands: [
      CheckCommand.self, DiffCommand.self, PlanCommand.self, SimulateCommand.self,
      SnapshotCommand.self, RulesCommand.self,
    ]
  )

  public init() {}
}

/// The version Bosun reports.
public enum BosunVersion {
  /// Semantic version of this build.
  public static let current = "0.1.0"
}
