import Hummingbird
import Logging

/// The per-request context: Hummingbird's core storage plus the remote address for VOEvent provenance.
struct IngestRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress.map { "\($0)" }
    }

    /// Bodies are read explicitly with the configured limit (see `RequestBodyReader`).
    var maxUploadSize: Int { 0 }
}
