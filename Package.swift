// swift-tools-version:6.2
import PackageDescription

// Every target is compiled in Swift 6 language mode with the same upcoming features, so that
// existential types are spelled `any` and a file only sees the modules it imports itself.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "trafficspec",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "trafficspec", targets: ["trafficspec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Layer 0: the C library, seen only by SQLiteDB.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Layer 1: generic infrastructure that knows nothing of traffic specs.
        .target(name: "SQLiteDB", dependencies: ["CSQLite"], swiftSettings: strictSettings),
        .target(
            name: "MiniHTTP",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // Layer 1: the pure core (no I/O, no clock, no randomness, no logging).
        .target(
            name: "TrafficCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings,
            plugins: ["EmbedSchemas"]
        ),
        // Layer 2: persistence of specs, revisions and audit events.
        .target(
            name: "TrafficStore",
            dependencies: [
                "SQLiteDB", "TrafficCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),
        // Layer 3: the HTTP API that wires core, store and server together.
        .target(
            name: "TrafficAPI",
            dependencies: [
                "MiniHTTP", "TrafficStore", "TrafficCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings,
            plugins: ["EmbedOpenAPI"]
        ),
        // Layer 4: the thin command-line executable.
        .executableTarget(
            name: "trafficspec",
            dependencies: [
                "TrafficAPI", "TrafficStore", "TrafficCore", "MiniHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // Benchmarks: prints figures for the core; never a test gate (bench/run drives it).
        .executableTarget(name: "trafficspec-bench", dependencies: ["TrafficCore"], path: "Sources/TrafficBench",
            swiftSettings: strictSettings),

        // Build tooling: compiles migrations/*.sql into the TrafficStore module, so the binary
        // carries its schema and never depends on the source tree at run time.
        .executableTarget(name: "MigrationEmbedder", swiftSettings: strictSettings),
        .plugin(name: "EmbedMigrations", capability: .buildTool(), dependencies: ["MigrationEmbedder"]),
        // Likewise openapi.yaml into the TrafficAPI module, served at GET /openapi.yaml.
        .executableTarget(name: "TextEmbedder", swiftSettings: strictSettings),
        .plugin(name: "EmbedOpenAPI", capability: .buildTool(), dependencies: ["TextEmbedder"]),
        // And schemas/*.kschema (the built-in kind schemas of the validator) into TrafficCore.
        .plugin(name: "EmbedSchemas", capability: .buildTool(), dependencies: ["TextEmbedder"]),

        .testTarget(name: "SQLiteDBTests", dependencies: ["SQLiteDB"], swiftSettings: strictSettings),
        // Shared by several test targets: a raw-socket HTTP client that sends exactly the bytes
        // it is given, spec fixtures, a seeded random generator.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "MiniHTTPTests", dependencies: ["MiniHTTP", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "TrafficCoreTests",
            dependencies: ["TrafficCore", "TestSupport"],
            resources: [.copy("testdata")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "TrafficStoreTests", dependencies: ["TrafficStore", "SQLiteDB", "TrafficCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "TrafficAPITests",
            dependencies: ["TrafficAPI", "TrafficStore", "TrafficCore", "MiniHTTP", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "TrafficSpecCLITests", dependencies: ["trafficspec", "TestSupport"], swiftSettings: strictSettings),
    ]
)
