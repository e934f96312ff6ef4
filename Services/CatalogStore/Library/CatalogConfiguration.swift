import ServiceRuntime

/// What catalog-store reads from `config/burstwire.yaml` (sections `amqp`, `database`, `log`, `catalog`).
public struct CatalogConfiguration: ServiceConfiguration {
    /// The `catalog:` section.
    public struct Catalog: Decodable, Sendable {
        /// HTTP listen address of the read API, pages, health and metrics.
        public var host: String?
        public var port: Int?
        /// Public base URL under which ingest-api serves uploaded images, for the image URLs in stored events.
        public var mediaBaseUrl: String?
        /// Messages stored per transaction.
        public var batchSize: Int?
        /// How long a child (a measurement before its FRB) is retried in process before it goes back to the queue.
        public var orphanRetrySeconds: Int?
        /// Serve the HTML pages without credentials (the API always needs the read scope).
        public var publicPages: Bool?
    }

    public var amqp: AMQPSettings
    public var database: DatabaseSettings
    public var log: LogSettings
    public var catalog: Catalog

    public var host: String { catalog.host ?? "127.0.0.1" }
    public var port: Int { catalog.port ?? 8001 }
    /// Always ends in "/", so a stored path appends directly.
    public var mediaBaseURL: String {
        let base = catalog.mediaBaseUrl ?? "http://127.0.0.1:8000/media/"
        return base.hasSuffix("/") ? base : base + "/"
    }
    public var publicPages: Bool { catalog.publicPages ?? false }
    public var batchSize: Int { max(1, catalog.batchSize ?? 200) }
    public var orphanRetry: Duration { .seconds(catalog.orphanRetrySeconds ?? 30) }
}
