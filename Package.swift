// swift-tools-version:6.0
import PackageDescription

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
        // Pure: cards, quiz parsing, schedulers, the daily queue, stats numbers. No I/O.
        .target(name: "SRSCore"),
        // I/O: data directory, decks on disk, progress (snapshot + append-only review log), locks.
        .target(name: "SRSStore", dependencies: ["SRSCore"]),
        // Pure: the review session model, update(key) -> effects, render(size) -> Screen.
        .target(name: "SRSUI", dependencies: ["SRSCore"]),
        // ncursesw, with a shim header for what Swift cannot import.
        .systemLibrary(name: "CNCurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),
        // The only importer of CNCurses.
        .target(name: "SRSTerminal", dependencies: ["CNCurses", "SRSUI"]),
        .executableTarget(name: "srs", dependencies: [
            "SRSCore", "SRSStore", "SRSUI", "SRSTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Generates a heavy user's collection and times srs's own work on it (docs/benchmarks.md).
        .executableTarget(name: "srs-bench", dependencies: ["SRSCore", "SRSStore"]),
        .testTarget(name: "SRSCoreTests", dependencies: ["SRSCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SRSStoreTests", dependencies: ["SRSStore", "SRSCore"]),
        .testTarget(name: "SRSUITests", dependencies: ["SRSUI", "SRSCore"], resources: [.copy("Snapshots")]),
        .testTarget(name: "SRSEndToEndTests", dependencies: ["srs", "SRSStore", "SRSCore"], resources: [.copy("Fixtures")]),
    ]
)
