import Logging

/// Outbound HTTP for the services (Slack, TNS, MWA web services) over libcurl.
///
/// `curl_easy_perform` blocks for a whole transfer, so transfers run on the client's own worker threads, never on
/// Swift's cooperative pool; each thread keeps its easy handle, and with it its keep-alive connections. Create one
/// client per process and share it. TLS peer and host verification are always on; redirects are off unless configured.
public final class HTTPClient: Sendable {
    /// Process-wide settings; per-request choices (timeout, retry policy) are arguments to `send`.
    public struct Configuration: Sendable {
        /// Worker threads, i.e. transfers in flight at once; further requests wait in a FIFO.
        public var maxConcurrentTransfers: Int = 4
        /// Upper bound for establishing the connection (including TLS); never longer than the request timeout.
        public var connectTimeout: Duration = .seconds(10)
        public var followRedirects: Bool = false
        public var maxRedirects: Int = 5
        /// Larger responses fail with `.responseTooLarge` rather than exhausting memory.
        public var maxResponseBytes: Int = 64 << 20
        /// Sent unless the request sets its own User-Agent header.
        public var userAgent: String = "burstwire-http/1"

        public init() {}
    }

    public let configuration: Configuration
    private let logger: Logger
    private let pool: WorkerPool

    public init(configuration: Configuration = Configuration(), logger: Logger = Logger(label: "burstwire.http")) {
        precondition(CurlGlobal.initialized, "curl_global_init failed")
        self.configuration = configuration
        self.logger = logger
        pool = WorkerPool(threads: configuration.maxConcurrentTransfers, label: "burstwire.http")
    }

    deinit { pool.shutdown() }

    /// Sends `request`, re-sending it as `retry` allows, and returns the final response whatever its status.
    ///
    /// `timeout` bounds each attempt from connect to last body byte, not time spent waiting for a worker or
    /// backing off. Cancelling the calling task aborts the transfer in flight (within about a second) and
    /// throws `.cancelled`.
    public func send(_ request: HTTPRequest, timeout: Duration, retry: RetryPolicy) async throws(HTTPClientError) -> HTTPResponse {
        var attempt = 1
        while true {
            let delay: Duration
            let mayHaveBeenSent: Bool
            switch await transfer(request, timeout: timeout) {
            case .success(let response):
                guard case .retry(let wait) = retry.decision(after: response, method: request.method, attempt: attempt) else {
                    return response
                }
                logRetry(request, attempt: attempt, cause: "status \(response.status)", delay: wait)
                delay = wait
                mayHaveBeenSent = true
            case .failure(let failure):
                guard case .retry(let wait) = retry.decision(after: failure, method: request.method, attempt: attempt) else {
                    throw HTTPClientError(failure, request: request, attempts: attempt)
                }
                logRetry(request, attempt: attempt, cause: failure.code.description, delay: wait)
                delay = wait
                mayHaveBeenSent = failure.requestMayHaveBeenSent
            }
            do {
                try await Task.sleep(for: delay)
            } catch {
                throw HTTPClientError(
                    TransferFailure(code: .cancelled, curlCode: nil, reason: "", requestMayHaveBeenSent: mayHaveBeenSent),
                    request: request, attempts: attempt)
            }
            attempt += 1
        }
    }

    /// One attempt on a worker thread; the cancellation handler raises the flag libcurl's progress callback polls.
    private func transfer(_ request: HTTPRequest, timeout: Duration) async -> Result<HTTPResponse, TransferFailure> {
        let cancellation = CancellationFlag()
        let job = TransferJob(request: request, timeout: timeout, configuration: configuration, cancellation: cancellation)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                pool.submit { easy in continuation.resume(returning: easy.perform(job)) }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    private func logRetry(_ request: HTTPRequest, attempt: Int, cause: String, delay: Duration) {
        logger.info(
            "retrying HTTP request",
            metadata: [
                "http.method": "\(request.method)", "http.url": "\(request.redactedURL)",
                "http.attempt": "\(attempt)", "http.cause": "\(cause)", "http.delay": "\(delay)",
            ])
    }
}

extension HTTPClientError {
    init(_ failure: TransferFailure, request: HTTPRequest, attempts: Int) {
        self.init(
            failure.code, curlCode: failure.curlCode, reason: failure.reason, method: request.method,
            url: request.redactedURL, attempts: attempts, requestMayHaveBeenSent: failure.requestMayHaveBeenSent)
    }
}
