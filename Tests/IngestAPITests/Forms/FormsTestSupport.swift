import Foundation
@testable import IngestAPI

/// Fixtures and request bodies shaped exactly as upload_cand.py's python-requests sends them.
enum FormsTestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    static func fixtureText(_ name: String) throws -> String {
        try String(decoding: fixture(name), as: UTF8.self)
    }

    /// python-requests' boundary is 32 lowercase hex digits from os.urandom(16).
    static let boundary = "0f4b2d6c8e1a3f5b7d9c2e4a6b8d0f1e"

    /// urllib3's `encode_multipart_formdata` for requests' `data=` then `files=`: no part Content-Type,
    /// CRLF after every header block and part, and a closing boundary with a trailing CRLF.
    static func requestsMultipart(fields: [(String, String)], files: [(name: String, filename: String, bytes: [UInt8])]) -> [UInt8] {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n\r\n".utf8)
            body += file.bytes
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return body
    }

    static let multipartContentType = "multipart/form-data; boundary=\(boundary)"
    static let urlencodedContentType = "application/x-www-form-urlencoded"

    /// What requests' `data=dict` produces: `urlencode` with `quote_plus`.
    static func urlencoded(_ fields: [(String, String)]) -> [UInt8] {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~ ")
        let pairs = fields.map { name, value in
            [name, value].map { $0.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: " ", with: "+") }
                .joined(separator: "=")
        }
        return Array(pairs.joined(separator: "&").utf8)
    }

    static func form(_ fields: [(String, String)]) throws -> FormData {
        try FormDecoder.decode(body: urlencoded(fields), contentType: urlencodedContentType)
    }

    /// observation_example.yaml as upload_cand.py posts it: `str()` of each YAML scalar.
    static let observationFields: [(String, String)] = [
        ("beam_semi_major_axis", "0.2"), ("beam_semi_minor_axis", "0.3"), ("beam_rotation_angle", "45"),
        ("sampling_time", "0.1"), ("bandwidth", "300"), ("nchan", "3000"), ("centre_frequency", "1400"),
        ("npol", "2"), ("bits_per_sample", "8"), ("gain", "3"), ("tsys", "50"), ("backend", "Multibeam"), ("beam", "1"),
    ]

    /// radio_example.yaml as upload_cand.py posts it for FRB 3, with astropy's ra_hms/dec_dms and
    /// galactic coordinates (numpy float64 `str()`).
    static let measurementFields: [(String, String)] = [
        ("frb", "3"), ("ra", "77.01461542"), ("dec", "26.06069556"), ("ra_hms", "5h08m03.5077s"),
        ("dec_dms", "26d03m38.504s"), ("ra_pos_error", "0.05"), ("dec_pos_error", "0.05"), ("source", "MB"),
        ("version", "v1.0"), ("dm", "411.0"), ("dm_err", "1.0"), ("sn", "50"), ("width", "5"), ("flux", "35"),
        ("flux_err", "3"), ("gl", "177.76768559169042"), ("gb", "-8.523065557461567"), ("z", "0.0982"),
        ("rm", "-613.0"), ("rm_err", "2.0"), ("fluence", "45"), ("fluence_err", "5"),
    ]

    static func replacing(_ fields: [(String, String)], _ name: String, with value: String?) -> [(String, String)] {
        let others = fields.filter { $0.0 != name }
        return value.map { others + [(name, $0)] } ?? others
    }

    /// 2017-11-17T12:21:38.87 UTC.
    static let exampleTimeOfArrival = Date(timeIntervalSince1970: 1_510_921_298.87)
}
