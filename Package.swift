// swift-tools-version:6.0
import PackageDescription

// The module map, with the reasons, is in docs/architecture.md (a test keeps its diagram equal
// to the `import` lines of Sources/).
let package = Package(
    name: "srs",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "srs", targets: ["srs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Leaf: display width, terminal-safe text, number and duration formatting.
        .target(name: "SRSText"),
        // Leaf: the JSON reader and the one JSON writer.
        .target(name: "SRSJSON"),
        // Pure core: time, cards and ids, grades, card state and log records, schedulers, the
        // reviewer, today's queue, the seeded generator. No I/O.
        .target(name: "SRSCore"),
        // Import, pure: quiz text in, items out; key inference; card identity.
        .target(name: "SRSQuiz", dependencies: ["SRSCore", "SRSText", "SRSJSON"]),
        // Anki packages, pure (bytes in, model out): zip, zstd, SQLite and protobuf behind it;
        // templates, HTML to terminal text, CSV/TSV.
        .target(name: "SRSAnki", dependencies: [
            "CSQLite", "CZlib", "CZstd", "SRSCore", "SRSJSON", "SRSText",
        ]),
        // The system's SQLite, zlib and zstd (docs/architecture.md says why).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // Statistics: the figures and their text and JSON rendering.
        .target(name: "SRSStats", dependencies: ["SRSCore", "SRSText", "SRSJSON"]),
        // I/O: data directory, decks on disk, progress (snapshot + append-only review log), locks.
        .target(name: "SRSStore", dependencies: ["SRSCore", "SRSText", "SRSJSON"]),
        // Pure: the review session model, update(key) -> effects, render(size) -> Screen.
        .target(name: "SRSUI", dependencies: ["SRSCore", "SRSText"]),
        // ncursesw, with a shim header for what Swift cannot import.
        .systemLibrary(name: "CNCurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),
        // The only importer of CNCurses.
        .target(name: "SRSTerminal", dependencies: ["CNCurses", "SRSUI", "SRSText"]),
        .executableTarget(name: "srs", dependencies: [
            "SRSCore", "SRSText", "SRSJSON", "SRSQuiz", "SRSAnki", "SRSStats", "SRSStore", "SRSUI", "SRSTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: [
            // The Swift runtime and Foundation linked in, in release builds: resolving their
            // symbols in a dozen shared libraries took about half of the 12 ms before `main`
            // (docs/benchmarks.md, "Start to first card"). Compiling with the flag makes the
            // module name the static libraries it needs (ICU, CoreFoundation).
            .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
        ], linkerSettings: [
            // lld (shipped with the toolchain): gold warns about the `mktemp` inside the static
            // Foundation at every link. Linux only: Apple platforms refuse -static-stdlib.
            .unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux], configuration: .release)),
        ]),
        // Generates a heavy user's collection and times srs's own work on it (docs/benchmarks.md).
        .executableTarget(name: "srs-bench", dependencies: ["SRSCore", "SRSStore"]),
        .testTarget(name: "SRSCoreTests", dependencies: ["SRSCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SRSTextTests", dependencies: ["SRSText"]),
        .testTarget(name: "SRSJSONTests", dependencies: ["SRSJSON"]),
        .testTarget(name: "SRSQuizTests", dependencies: ["SRSQuiz", "SRSCore", "SRSText"], exclude: ["Fixtures"]),
        .testTarget(name: "SRSAnkiTests", dependencies: [
            "SRSAnki", "SRSCore", "CZstd", "CSQLite", "CZlib",
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "SRSStatsTests", dependencies: ["SRSStats", "SRSCore", "SRSText"], exclude: ["Fixtures"]),
        .testTarget(name: "SRSStoreTests", dependencies: ["SRSStore", "SRSCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SRSUITests", dependencies: ["SRSUI", "SRSCore", "SRSText"], resources: [.copy("Snapshots")]),
        // Keeps the module map drawn in docs/architecture.md equal to the imports of Sources/.
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "SRSEndToEndTests", dependencies: ["srs", "SRSStore", "SRSCore", "SRSJSON", "SRSText", "SRSAnki"],
                    resources: [.copy("Fixtures")]),
    ]
)
