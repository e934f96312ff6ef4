import ServiceRuntime

/// Everything ingest-api reads from `config/burstwire.yaml` (sections `amqp`, `database`, `log`, `ingest`),
/// each key overridable by `BURSTWIRE_<SECTION>_<KEY>`.
public struct IngestConfiguration: ServiceConfiguration {
    /// The `ingest:` section.
    public struct Ingest: Decodable, Sendable {
        /// HTTP listen address; port 8000 is what upload_cand.py targets in development mode.
        public var host: String?
        public var port: Int?
        /// VTP listener for VOEvent authors and brokers (Comet's default receive port is 8098).
        public var vtpHost: String?
        public var vtpPort: Int?
        /// Our IVORN in VTP Transport replies.
        public var localIvo: String?
        /// Where uploaded images are stored, content-addressed.
        public var mediaDirectory: String?
        /// Public base URL of this service (for absolute image URLs); defaults to http://host:port.
        public var publicBaseUrl: String?
        /// Largest accepted request body (the original's nginx allowed 75 MB).
        public var maxBodyBytes: Int?
        /// Largest accepted image.
        public var maxImageBytes: Int?
        /// Seconds a client is told to wait (Retry-After) when the broker cannot confirm.
        public var retryAfterSeconds: Int?
        /// Signing secret of the Slack app whose buttons post to /slack/actions.
        public var slackSigningSecret: Secret?
        /// How long a verified Basic credential is remembered, in seconds.
        public var credentialCacheSeconds: Int?
    }

    public var amqp: AMQPSettings
    public var database: DatabaseSettings
    public var log: LogSettings
    public var ingest: Ingest

    public var host: String { ingest.host ?? "127.0.0.1" }
    public var port: Int { ingest.port ?? 8000 }
    public var vtpHost: String { ingest.vtpHost ?? host }
    public var vtpPort: Int { ingest.vtpPort ?? 8098 }
    public var localIVO: String { ingest.localIvo ?? "ivo://burstwire.local/ingest" }
    public var mediaDirectory: String { ingest.mediaDirectory ?? ".run/media" }
    public var publicBaseURL: String { ingest.publicBaseUrl ?? "http://\(host):\(port)" }
    public var maxBodyBytes: Int { ingest.maxBodyBytes ?? 75 * 1024 * 1024 }
    public var maxImageBytes: Int { ingest.maxImageBytes ?? 20 * 1024 * 1024 }
    public var retryAfterSeconds: Int { ingest.retryAfterSeconds ?? 5 }
}
