// swift-tools-version: 6.1
// Bosun: checks, diffs and rehearses Kubernetes manifests, offline.
// Read top to bottom, this file is the architecture map: each target imports only targets above it.
import PackageDescription

let package = Package(
  name: "Bosun",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "bosun", targets: ["bosun"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // MARK: - System libraries

    /// libyaml, from the system (`apt-get install libyaml-dev`); never a second vendored copy.
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),

    // MARK: - Foundation layers

    /// Positions, JSON pointers, diagnostics and the ordered JSON-like value.
    .target(name: "BosunCore", exclude: ["README.md"]),
    /// libyaml events to a node tree with line/column marks, YAML 1.1 scalar typing, limits.
    .target(name: "BosunYAML", dependencies: ["BosunCore", "CYAML"], exclude: ["README.md"]),
    /// Object identity, typed Kubernetes API views, Quantity, IntOrString, LabelSelector.
    .target(name: "BosunModel", dependencies: ["BosunCore", "BosunYAML"], exclude: ["README.md"]),

    // MARK: - Checking

    /// Embedded Kubernetes API schemas (all bundled versions merged), validator, CRDs, API lifecycle.
    .target(
      name: "BosunSchema", dependencies: ["BosunCore", "BosunYAML", "BosunModel"],
      exclude: ["README.md"], resources: [.copy("Resources")]),

    /// The rule engine, built-in rules, configuration, suppressions and baselines.
    .target(
      name: "BosunRules", dependencies: ["BosunCore", "BosunYAML", "BosunModel", "BosunSchema"],
      exclude: ["README.md"]),

    // MARK: - Diff and plan

    /// Snapshot reader, normaliser (server defaults, server-owned fields), structural diff.
    .target(
      name: "BosunDiff", dependencies: ["BosunCore", "BosunYAML", "BosunModel", "BosunSchema"],
      exclude: ["README.md"]),
    /// Plan model and builder: actions, ordering, impact, immutable fields, prune.
    .target(
      name: "BosunPlan", dependencies: ["BosunCore", "BosunYAML", "BosunModel", "BosunSchema"],
      exclude: ["README.md"]),

    // MARK: - Rehearsal

    /// Simulated cluster: store, virtual clock, controllers, scheduler, kubelets, plan executor.
    .target(
      name: "BosunOrchestrator",
      dependencies: ["BosunCore", "BosunYAML", "BosunModel", "BosunPlan"],
      exclude: ["README.md"]),

    // MARK: - Output and command line

    /// Text, JSON, SARIF, JUnit and GitHub renderings of diagnostics.
    .target(
      name: "BosunReport", dependencies: ["BosunCore", "BosunYAML", "BosunModel"],
      exclude: ["README.md"]),
    /// Commands, options, input discovery, exit codes.
    .target(
      name: "BosunCLI",
      dependencies: [
        "BosunCore", "BosunYAML", "BosunModel", "BosunReport",
        "BosunSchema", "BosunRules", "BosunDiff", "BosunPlan", "BosunOrchestrator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]
    ),
    /// `main.swift` only.
    .executableTarget(name: "bosun", dependencies: ["BosunCLI"]),

    // MARK: - Tests (one target per module)

    .testTarget(name: "BosunCoreTests", dependencies: ["BosunCore"]),
    .testTarget(name: "BosunYAMLTests", dependencies: ["BosunYAML"]),
    .testTarget(name: "BosunModelTests", dependencies: ["BosunModel"]),
    .testTarget(name: "BosunSchemaTests", dependencies: ["BosunSchema", "BosunModel"]),
    .testTarget(name: "BosunRulesTests", dependencies: ["BosunRules"]),
    .testTarget(name: "BosunDiffTests", dependencies: ["BosunDiff"]),
    .testTarget(name: "BosunPlanTests", dependencies: ["BosunPlan"]),
    .testTarget(name: "BosunOrchestratorTests", dependencies: ["BosunOrchestrator", "BosunModel"]),
    .testTarget(name: "BosunReportTests", dependencies: ["BosunReport"], resources: [.copy("Golden")]),
    .testTarget(
      name: "BosunCLITests", dependencies: ["BosunCLI", "BosunModel", "BosunSchema", "BosunRules"],
      resources: [.copy("Golden")]),
  ],
  swiftLanguageModes: [.v6]
)
