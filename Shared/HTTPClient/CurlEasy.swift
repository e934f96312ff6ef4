import CCurl
import Foundation

/// One libcurl easy handle. Not Sendable: it belongs to one worker thread for its whole life, and
/// reusing it across transfers keeps its connection cache, so keep-alive connections are reused.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer

    init() {
        guard let handle = curl_easy_init() else { fatalError("curl_easy_init failed (out of memory)") }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    /// Runs one attempt, blocking the calling thread until it completes, times out or is cancelled.
    func perform(_ job: TransferJob) -> Result<HTTPResponse, TransferFailure> {
        if job.cancellation.isCancelled {
            return .failure(TransferFailure(code: .cancelled, curlCode: nil, reason: "", requestMayHaveBeenSent: false))
        }
        if let invalid = RequestValidation.failure(for: job.request) { return .failure(invalid) }
        guard let headers = Self.headerList(for: job.request.headers) else {
            return .failure(TransferFailure(code: .transport, curlCode: nil, reason: "out of memory", requestMayHaveBeenSent: false))
        }
        defer { curl_slist_free_all(headers) }

        let context = TransferContext(cancellation: job.cancellation, maxBodyBytes: job.configuration.maxResponseBytes)
        curl_easy_reset(handle)
        configure(job, headers: headers, context: Unmanaged.passUnretained(context).toOpaque())
        let code = withExtendedLifetime(context) {
            job.request.body.withUnsafeBytes { body in
                setMethod(job.request.method, body: body)
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else { return .failure(failure(for: code, context: context)) }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: context.headers, body: context.body))
    }

    private func configure(_ job: TransferJob, headers: UnsafeMutablePointer<curl_slist>, context: UnsafeMutableRawPointer) {
        let configuration = job.configuration
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_str(handle, CURLOPT_URL, job.request.url.absoluteString)
        ccurl_setopt_str(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_str(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, configuration.followRedirects ? 1 : 0)
        ccurl_setopt_long(handle, CURLOPT_MAXREDIRS, configuration.maxRedirects)
        ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(configuration.connectTimeout, job.timeout).clampedMilliseconds)
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, job.timeout.clampedMilliseconds)
        ccurl_setopt_str(handle, CURLOPT_USERAGENT, configuration.userAgent)
        ccurl_setopt_str(handle, CURLOPT_ACCEPT_ENCODING, "")
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)

        ccurl_setopt_cb(handle, CURLOPT_WRITEFUNCTION) { data, size, count, userdata in
            guard let data, let userdata else { return 0 }
            let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
            let accepted = context.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
            return accepted ? size * count : 0
        }
        ccurl_setopt_ptr(handle, CURLOPT_WRITEDATA, context)
        ccurl_setopt_cb(handle, CURLOPT_HEADERFUNCTION) { data, size, count, userdata in
            guard let data, let userdata else { return 0 }
            let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
            context.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
        ccurl_setopt_ptr(handle, CURLOPT_HEADERDATA, context)
        ccurl_setopt_xferinfo(handle) { userdata, _, _, _, _ in
            guard let userdata else { return 0 }
            return Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue().cancellation.isCancelled ? 1 : 0
        }
        ccurl_setopt_ptr(handle, CURLOPT_XFERINFODATA, context)
        ccurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
    }

    /// GET and HEAD use libcurl's own modes; every other method sends the body as POST data under a custom verb.
    /// The body pointer is only valid during `perform`, which is why this runs inside `withUnsafeBytes`.
    private func setMethod(_ method: HTTPMethod, body: UnsafeRawBufferPointer) {
        switch method {
        case .get where body.isEmpty:
            ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case .head:
            ccurl_setopt_long(handle, CURLOPT_NOBODY, 1)
        default:
            if !body.isEmpty || method == .post || method == .put || method == .patch {
                ccurl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                if let base = body.baseAddress {
                    ccurl_setopt_ptr(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: base))
                } else {
                    ccurl_setopt_str(handle, CURLOPT_COPYPOSTFIELDS, "")
                }
            }
            if method != .post { ccurl_setopt_str(handle, CURLOPT_CUSTOMREQUEST, method.rawValue) }
        }
    }

    /// Classifies a failed transfer. CURLINFO_REQUEST_SIZE stays 0 until the request was handed to the socket,
    /// which tells a connect-phase timeout (safe to re-send) from one after sending (the server may have acted).
    private func failure(for code: CURLcode, context: TransferContext) -> TransferFailure {
        let kind: HTTPClientError.Code
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT: kind = .connectFailed
        case CURLE_OPERATION_TIMEDOUT: kind = .timedOut
        case CURLE_ABORTED_BY_CALLBACK: kind = .cancelled
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: kind = .invalidURL
        case CURLE_TOO_MANY_REDIRECTS: kind = .tooManyRedirects
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            kind = .tls
        case CURLE_WRITE_ERROR where context.bodyTooLarge: kind = .responseTooLarge
        default: kind = .transport
        }
        var requestSize = 0
        ccurl_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &requestSize)
        return TransferFailure(
            code: kind,
            curlCode: Int32(bitPattern: code.rawValue),
            reason: CurlGlobal.message(code),
            requestMayHaveBeenSent: kind != .connectFailed && kind != .invalidURL && requestSize > 0
        )
    }

    /// One "Name: value" line per field; an empty value needs curl's "Name;" form. `Expect:` stops libcurl
    /// from adding `Expect: 100-continue` to larger bodies, which stalls a second on servers that ignore it.
    /// Returns nil only when libcurl is out of memory, since the list always has at least one line.
    private static func headerList(for headers: HTTPHeaders) -> UnsafeMutablePointer<curl_slist>? {
        var lines = headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        if !headers.contains("Expect") { lines.append("Expect:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                return nil
            }
            list = appended
        }
        return list
    }
}
