import CCurl

/// `curl_global_init` must run exactly once, before any easy handle exists, and is not itself thread-safe;
/// a static let is initialised once under a lock by the Swift runtime.
enum CurlGlobal {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// libcurl's fixed message for a code; it never contains request data.
    static func message(_ code: CURLcode) -> String {
        curl_easy_strerror(code).map { String(cString: $0) } ?? "unknown error"
    }
}
