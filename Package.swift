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
    ],
    targets: [
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXlsxWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "CFileExchange"),
        .target(
            name: "ReconKit", dependencies: ["CLibCSV", "CZlib", "CFileExchange", "CLibXlsxWriter"],
            // Dynamic exclusivity checks cost a quarter of the run time in the hot loops; debug builds keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "soundlink-recon",
            dependencies: ["ReconKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ReconKitTests", dependencies: ["ReconKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SoundlinkReconTests", dependencies: ["soundlink-recon"]),
    ]
)
