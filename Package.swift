// swift-tools-version:6.0
import PackageDescription

/// Burstwire: transient-astronomy event services over AMQP and PostgreSQL.
/// Shared libraries live under `Shared/`, one folder per concern; services under `Services/`.
let package = Package(
    name: "burstwire",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Schema", targets: ["Schema"]),
        .library(name: "Messaging", targets: ["Messaging"]),
        .library(name: "Database", targets: ["Database"]),
        .library(name: "HTTPClient", targets: ["HTTPClient"]),
        .library(name: "ServiceRuntime", targets: ["ServiceRuntime"]),
        .library(name: "Astro", targets: ["Astro"]),
        .library(name: "FITS", targets: ["FITS"]),
        .library(name: "Identity", targets: ["Identity"]),
        .library(name: "VOEvent", targets: ["VOEvent"]),
        .executable(name: "ingest-api", targets: ["ingest-api"]),
        .executable(name: "catalog-store", targets: ["catalog-store"]),
        .executable(name: "notifier", targets: ["notifier"]),
        .executable(name: "telescope-trigger", targets: ["telescope-trigger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.70.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
    ],
    targets: [
        // C libraries, wrapped once and thinly; only the Shared/ targets below import them.
        .systemLibrary(name: "CRabbitMQ", path: "Shared/CRabbitMQ", pkgConfig: "librabbitmq", providers: [.apt(["librabbitmq-dev"])]),
        .systemLibrary(name: "CLibPQ", path: "Shared/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CFITSIO", path: "Shared/CFITSIO", pkgConfig: "cfitsio", providers: [.apt(["libcfitsio-dev"])]),
        .systemLibrary(name: "CCurl", path: "Shared/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(name: "Schema", path: "Shared/Schema", exclude: ["json-schema"]),
        .target(
            name: "Messaging",
            dependencies: ["CRabbitMQ", .product(name: "Logging", package: "swift-log"), .product(name: "Metrics", package: "swift-metrics")],
            path: "Shared/Messaging"
        ),
        .target(
            name: "Database",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")],
            path: "Shared/Database"
        ),
        .target(
            name: "HTTPClient",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")],
            path: "Shared/HTTPClient"
        ),
        .target(name: "Astro", path: "Shared/Astro"),
        .target(name: "FITS", dependencies: ["CFITSIO"], path: "Shared/FITS"),
        .target(name: "VOEvent", dependencies: ["Schema"], path: "Shared/VOEvent"),
        .target(
            name: "ServiceRuntime",
            dependencies: [
                "Messaging", "Database",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/ServiceRuntime"
        ),
        .target(
            name: "Identity",
            dependencies: [
                "Database",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/Identity"
        ),

        // ingest-api: the write edge.
        .target(
            name: "IngestAPI",
            dependencies: [
                "Schema", "Messaging", "Database", "Identity", "ServiceRuntime", "Astro", "VOEvent",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Services/IngestAPI/Library"
        ),
        .executableTarget(
            name: "ingest-api",
            dependencies: ["IngestAPI", "Messaging", "ServiceRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/IngestAPI/Executable"
        ),

        // catalog-store: the PostgreSQL catalogue.
        .target(
            name: "CatalogStore",
            dependencies: [
                "Schema", "Messaging", "Database", "ServiceRuntime", "Identity", "VOEvent",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Services/CatalogStore/Library"
        ),
        .executableTarget(
            name: "catalog-store",
            dependencies: ["CatalogStore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/CatalogStore/Executable"
        ),

        // notifier: Slack, TNS and VOEvent deliveries.
        .target(
            name: "Notifier",
            dependencies: [
                "Schema", "Messaging", "Database", "ServiceRuntime", "HTTPClient", "VOEvent",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Services/Notifier/Library"
        ),
        .executableTarget(
            name: "notifier",
            dependencies: ["Notifier", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/Notifier/Executable"
        ),

        // telescope-trigger: follow-up decisions and MWA trigger calls.
        .target(
            name: "TelescopeTrigger",
            dependencies: [
                "Schema", "Messaging", "Database", "ServiceRuntime", "HTTPClient", "Astro", "VOEvent",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Services/TelescopeTrigger/Library"
        ),
        .executableTarget(
            name: "telescope-trigger",
            dependencies: ["TelescopeTrigger", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/TelescopeTrigger/Executable"
        ),

        // Stand-ins for the outside services we cannot reach (Slack, TNS, VOEvent brokers), for tests and the demo.
        .target(
            name: "Simulators",
            dependencies: [
                "IngestAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/Simulators"
        ),
        .target(name: "TestSupport", dependencies: ["Messaging", "Database", "Schema"], path: "Tests/TestSupport"),
        .testTarget(name: "SchemaTests", dependencies: ["Schema", "TestSupport"], path: "Tests/SchemaTests"),
        .testTarget(name: "MessagingTests", dependencies: ["Messaging", "TestSupport"], path: "Tests/MessagingTests"),
        .testTarget(name: "DatabaseTests", dependencies: ["Database", "TestSupport"], path: "Tests/DatabaseTests"),
        .testTarget(
            name: "HTTPClientTests",
            dependencies: ["HTTPClient", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/HTTPClientTests"
        ),
        .testTarget(
            name: "ServiceRuntimeTests",
            dependencies: ["ServiceRuntime", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/ServiceRuntimeTests"
        ),
        .testTarget(name: "IdentityTests", dependencies: ["Identity", "TestSupport"], path: "Tests/IdentityTests"),
        .testTarget(
            name: "IngestAPITests",
            dependencies: ["IngestAPI", "TestSupport", "VOEvent", .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/IngestAPITests",
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CatalogStoreTests",
            dependencies: ["CatalogStore", "TestSupport", "Astro", .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/CatalogStoreTests"
        ),
        .testTarget(
            name: "NotifierTests",
            dependencies: ["Notifier", "Simulators", "TestSupport", "Schema", "VOEvent", .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/NotifierTests"
        ),
        .testTarget(
            name: "TelescopeTriggerTests",
            dependencies: ["TelescopeTrigger", "Simulators", "TestSupport", "Schema", "Astro", "VOEvent",
                           .product(name: "Yams", package: "Yams"), .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/TelescopeTriggerTests"
        ),
        .testTarget(name: "AstroTests", dependencies: ["Astro"], path: "Tests/AstroTests"),
        .testTarget(name: "VOEventTests", dependencies: ["VOEvent", "Schema"], path: "Tests/VOEventTests"),
        .testTarget(name: "FITSTests", dependencies: ["FITS"], path: "Tests/FITSTests", exclude: ["Fixtures"]),
        .testTarget(
            name: "SuiteTests",
            dependencies: ["IngestAPI", "CatalogStore", "Notifier", "TelescopeTrigger", "Simulators", "TestSupport", "Astro", "VOEvent",
                           "HTTPClient", "Database", "Messaging", "ServiceRuntime", "Schema", "Identity"],
            path: "Tests/SuiteTests"
        ),
        .executableTarget(name: "broker-bench", dependencies: ["Messaging", "TestSupport"], path: "Tests/Benchmarks/BrokerBench"),
        .executableTarget(
            name: "trigger-latency",
            dependencies: ["TelescopeTrigger", "Simulators", "TestSupport", "Astro"],
            path: "Tests/Benchmarks/TriggerLatency"
        ),
        .executableTarget(
            name: "notify-latency",
            dependencies: ["IngestAPI", "CatalogStore", "Notifier", "Simulators", "TestSupport", "HTTPClient"],
            path: "Tests/Benchmarks/NotifyLatency"
        ),
        .executableTarget(
            name: "suite-tools",
            dependencies: ["Simulators", "VOEvent", "HTTPClient", "Database", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tests/SuiteTools"
        ),
        .executableTarget(
            name: "catalog-bench",
            dependencies: ["CatalogStore", "TestSupport", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/Benchmarks/CatalogBench"
        ),
    ]
)
