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
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Whole-day dates, working days, bank holidays. Depends on nothing.
        .target(name: "PopCalendar"),
        // Reads and writes .xlsx: a streaming sheet reader and a writer for exports and fixtures.
        .target(name: "PopWorkbook", dependencies: ["PopExtract", "PopCalendar", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Times the workbook reader and writes sample workbooks (benchmarks/workbook_read.py).
        .executableTarget(name: "WorkbookBench", dependencies: ["PopWorkbook", "PopCalendar"], path: "benchmarks/WorkbookBench"),
        // Record sources (CSV), Annex A lists, headers and codes, typed rows, data quality.
        .target(name: "PopExtract", dependencies: ["PopCalendar"]),
        // The indicator catalogue (one declaration per indicator), engine, targets and
        // comparisons: numbers only, no text and no files.
        .target(name: "PopMetrics", dependencies: ["PopExtract", "PopCalendar"]),
        // Reference files councils and the DfE publish: targets, populations, SN groupings, publications.
        .target(name: "PopReference", dependencies: ["PopMetrics", "PopExtract", "PopCalendar"]),
        // Every word, number format and symbol pop shows: one formatter for report, screen, slides and pack.
        .target(name: "PopPage", dependencies: ["PopMetrics", "PopExtract", "PopCalendar"]),
        // SQLite through GRDB: months, figures, commentary, reference data.
        .target(name: "PopStore", dependencies: ["PopMetrics", "PopExtract", "PopCalendar", .product(name: "GRDB", package: "GRDB.swift")]),
        // The cell buffer, glyph sets and widgets views draw with. Depends on nothing of ours.
        .target(name: "PopScreen"),
        // The dashboard: state, key map, update and views, all pure.
        .target(name: "PopDashboard", dependencies: ["PopScreen", "PopPage", "PopMetrics", "PopExtract", "PopCalendar"]),
        // The board pack: the month's pages as one self-contained HTML file (inline CSS and SVG), the slides,
        // and the report's workbook for analysts (xlsx, through PopWorkbook's writer).
        .target(name: "PopPack", dependencies: ["PopPage", "PopMetrics", "PopExtract", "PopCalendar", "PopWorkbook"]),
        // ncurses, for the one thin terminal backend.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        // The deterministic demo borough (a simulated Barnet) that writes Annex A extracts.
        .target(name: "PopDemo", dependencies: ["PopMetrics", "PopCalendar"]),
        // What the commands do, without a terminal: read and compute an extract, import it,
        // assemble the report page, load reference data, build the demo database, load and
        // write the board pack (and print it through a headless Chromium).
        .target(name: "PopApp", dependencies: ["PopStore", "PopPage", "PopPack", "PopReference", "PopWorkbook", "PopDemo", "PopMetrics", "PopExtract", "PopCalendar"]),
        .executableTarget(
            name: "pop",
            dependencies: [
                "PopApp", "PopCalendar", "PopExtract", "PopMetrics", "PopPage", "PopPack", "PopReference", "PopDemo", "PopStore", "PopScreen",
                "PopDashboard", "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Paths to fixtures and ../shared, shared by the test targets.
        .target(name: "PopTestSupport", path: "Tests/PopTestSupport"),
        .testTarget(name: "PopCalendarTests", dependencies: ["PopCalendar", "PopTestSupport"]),
        .testTarget(name: "PopWorkbookTests", dependencies: ["PopWorkbook", "PopCalendar", "PopTestSupport"]),
        .testTarget(name: "PopExtractTests", dependencies: ["PopExtract", "PopCalendar", "PopTestSupport"]),
        .testTarget(name: "PopMetricsTests", dependencies: ["PopMetrics", "PopPage", "PopReference", "PopExtract", "PopCalendar", "PopTestSupport"]),
        .testTarget(name: "PopStoreTests", dependencies: [.product(name: "GRDB", package: "GRDB.swift"), "PopApp", "PopStore", "PopWorkbook", "PopPage", "PopReference", "PopMetrics", "PopExtract", "PopCalendar",
                                                          "PopDemo", "PopTestSupport"]),
        .testTarget(name: "PopDashboardTests", dependencies: ["PopDashboard", "PopScreen", "PopPage", "PopReference", "PopMetrics", "PopExtract",
                                                              "PopCalendar", "PopTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "PopPackTests", dependencies: ["PopPack", "PopPage", "PopReference", "PopMetrics", "PopExtract", "PopCalendar",
                                                         "PopWorkbook", "PopTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "PopDemoTests", dependencies: ["PopDemo", "PopMetrics", "PopPage", "PopReference", "PopExtract", "PopCalendar", "PopTestSupport"]),
    ]
)
