// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "pop",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pop", targets: ["pop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Whole-day dates, working days, bank holidays. Depends on nothing.
        .target(name: "PopCalendar"),
        // Byte-level CSV reader, Annex A headers and codes, typed lists, data quality.
        .target(name: "PopExtract", dependencies: ["PopCalendar"]),
        // Indicator catalogue, engine, targets and comparisons.
        .target(name: "PopMetrics", dependencies: ["PopExtract", "PopCalendar"]),
        // SQLite through GRDB: months, figures, commentary, reference data.
        .target(name: "PopStore", dependencies: ["PopMetrics", "PopExtract", "PopCalendar", .product(name: "GRDB", package: "GRDB.swift")]),
        // The cell buffer, glyph sets and widgets views draw with. Depends on nothing of ours.
        .target(name: "PopScreen"),
        // The dashboard: state, key map, update and views, all pure.
        .target(name: "PopDashboard", dependencies: ["PopScreen", "PopMetrics", "PopExtract", "PopCalendar"]),
        // ncurses, for the one thin terminal backend.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        // The deterministic demo borough (a simulated Barnet) that writes Annex A extracts.
        .target(name: "PopDemo", dependencies: ["PopCalendar"]),
        .executableTarget(
            name: "pop",
            dependencies: [
                "PopCalendar", "PopExtract", "PopMetrics", "PopDemo", "PopStore", "PopScreen", "PopDashboard", "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Paths to fixtures and ../shared, shared by the test targets.
        .target(name: "PopTestSupport", path: "Tests/PopTestSupport"),
        .testTarget(name: "PopCalendarTests", dependencies: ["PopCalendar", "PopTestSupport"]),
        .testTarget(name: "PopExtractTests", dependencies: ["PopExtract"]),
        .testTarget(name: "PopMetricsTests", dependencies: ["PopMetrics", "PopExtract", "PopCalendar", "PopTestSupport"]),
        .testTarget(name: "PopStoreTests", dependencies: ["PopStore", "PopMetrics", "PopExtract", "PopCalendar", "PopDemo", "PopTestSupport"]),
        .testTarget(name: "PopDashboardTests", dependencies: ["PopDashboard", "PopScreen", "PopMetrics", "PopExtract", "PopCalendar", "PopTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "PopDemoTests", dependencies: ["PopDemo", "PopMetrics", "PopExtract", "PopCalendar", "PopTestSupport"]),
    ]
)
