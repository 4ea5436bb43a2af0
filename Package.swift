// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "soundlink-recon",
    products: [
        .executable(name: "soundlink-recon", targets: ["soundlink-recon"]),
        .library(name: "ReconKit", targets: ["ReconKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXlsxWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "CFileExchange"),
        // The JSONL line scanner of the export readers, in C (a port of JSONLineScanner.swift).
        .target(name: "CJSONLine"),
        .target(
            name: "ReconKit",
            dependencies: ["CLibCSV", "CZlib", "CFileExchange", "CJSONLine", "CLibXlsxWriter", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The API client lives apart so that ReconKit builds and tests without SwiftNIO.
        .target(
            name: "SoundlinkAPI",
            dependencies: [
                "ReconKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "soundlink-recon",
            dependencies: ["ReconKit", "SoundlinkAPI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // A fake Soundlink API on 127.0.0.1 for the fetch tests.
        .target(
            name: "FakeSoundlink",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/FakeSoundlink"
        ),
        // What every test target needs: temporary folders, file listings, set-up shell commands.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReconKitTests", dependencies: ["ReconKit", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SoundlinkAPITests", dependencies: ["SoundlinkAPI", "FakeSoundlink", "TestSupport"]),
        .testTarget(name: "SoundlinkReconTests", dependencies: ["soundlink-recon", "FakeSoundlink", "TestSupport"]),
    ]
)

// Swift 6 language mode everywhere, plus: existentials spelled `any`, and a module's members
// visible only in files that import it.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
