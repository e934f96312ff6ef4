import Foundation
import Schema

/// Reads a YSE-PZ `POST /add_transient/` body, in the format YSE-PZ takes, so existing cron uploaders
/// need only a new URL. Unlike YSE-PZ, which skips bad transients silently, every transient and
/// photometry point gets a verdict (`YSEUploadOutcome`), and only what validated is published.
///
/// Top-level keys: `noupdatestatus` and `TNS` are control flags; every other key holds one transient.
/// A credential a client put in the body (`username`, `password`, `api_key`, `token`, `auth`, with a
/// non-object value) is neither a transient nor forwarded: the uploader comes from the request's
/// authentication, and secrets never travel on the bus.
public enum YSEUpload {
    static let credentialKeys: Set<String> = ["username", "password", "api_key", "token", "auth"]

    /// Throws only when the body is not an upload at all; per-item faults are in the outcome.
    public static func parse(_ json: [UInt8], uploadedBy: String?, receivedAt: Date) throws(YSEUploadError) -> YSEUploadOutcome {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(json))
        } catch {
            throw .invalidJSON(detail(of: error))
        }
        guard case .object(var object) = root else { throw .notAnObject }
        let noupdatestatus = try controlFlag("noupdatestatus", in: &object)
        let tns = try controlFlag("TNS", in: &object)
        object = object.filter { key, value in
            guard credentialKeys.contains(key) else { return true }
            if case .object = value { return true }
            return false
        }
        guard !object.isEmpty else { throw .noTransients }

        var accepted: [String: YSETransient] = [:]
        var results: [String: YSETransientResult] = [:]
        for (key, value) in object {
            let (transient, result) = YSETransientReader.read(value)
            results[key] = result
            accepted[key] = transient
        }
        let payload = accepted.isEmpty ? nil : TransientUploadReceived(
            noupdatestatus: noupdatestatus, tns: tns, transients: accepted, uploadedBy: uploadedBy, receivedAt: receivedAt)
        return YSEUploadOutcome(payload: payload, transients: results)
    }

    /// Removes the flag from `object` and reads it; absent or null is nil.
    private static func controlFlag(_ name: String, in object: inout [String: JSONValue]) throws(YSEUploadError) -> Bool? {
        guard let value = object.removeValue(forKey: name), value != .null else { return nil }
        guard let flag = YSEValue.flag(value) else { throw .invalidFlag(name) }
        return flag
    }

    /// Where the JSON broke, without echoing the body.
    private static func detail(of error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return "it does not parse" }
        if let underlying = context.underlyingError {
            return "\(underlying)"
        }
        return context.debugDescription
    }
}
