import Foundation
import Hummingbird

/// Request bodies as upload_cand.py (python-requests) builds them.
enum RequestBuilders {
    static let observation: [(String, String)] = [
        ("beam_semi_major_axis", "0.2"), ("beam_semi_minor_axis", "0.3"), ("beam_rotation_angle", "45"), ("sampling_time", "0.1"),
        ("bandwidth", "300"), ("nchan", "3000"), ("centre_frequency", "1400"), ("npol", "2"), ("bits_per_sample", "8"),
        ("gain", "3"), ("tsys", "50"), ("backend", "Multibeam"), ("beam", "1"),
    ]

    static func measurement(frb: Int64) -> [(String, String)] {
        [("frb", String(frb)), ("ra", "77.01461542"), ("dec", "26.06069556"), ("ra_hms", "5h08m03.5077s"), ("dec_dms", "26d03m38.504s"),
         ("ra_pos_error", "0.05"), ("dec_pos_error", "0.05"), ("source", "MB"), ("version", "v1.0"), ("dm", "411.0"), ("dm_err", "1.0"),
         ("sn", "50"), ("width", "5"), ("flux", "35"), ("flux_err", "3"), ("gl", "177.76768559169042"), ("gb", "-8.523065557461567")]
    }

    static func replacing(_ fields: [(String, String)], _ name: String, with value: String?) -> [(String, String)] {
        let rest = fields.filter { $0.0 != name }
        return value.map { rest + [(name, $0)] } ?? rest
    }

    static func urlencoded(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._*")
        let text = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    static let boundary = "a1b2c3d4e5f60718293a4b5c6d7e8f90"

    /// multipart/form-data as python-requests writes it: fields, then files with filename and no part content type.
    static func multipart(fields: [(String, String)], files: [(String, String, Data)]) -> ByteBuffer {
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for (name, filename, data) in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n\r\n".utf8))
            body.append(data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ByteBuffer(bytes: body)
    }

    static var multipartContentType: String { "multipart/form-data; boundary=\(boundary)" }

    static func headers(authorization: String?, contentType: String) -> HTTPFields {
        var headers: HTTPFields = [.contentType: contentType]
        if let authorization { headers[.authorization] = authorization }
        return headers
    }
}
