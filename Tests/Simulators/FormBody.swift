import Foundation

/// Form fields from an urlencoded or multipart body, as the simulated services read them.
enum FormBody {
    static func fields(_ body: String, contentType: String) -> [String: String] {
        if contentType.hasPrefix("multipart/form-data"), let boundary = contentType.components(separatedBy: "boundary=").last?
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"")) {
            var fields: [String: String] = [:]
            for part in body.components(separatedBy: "--" + boundary) {
                guard let nameRange = part.range(of: "name=\""), let end = part[nameRange.upperBound...].firstIndex(of: "\""),
                      let blank = part.range(of: "\r\n\r\n") else { continue }
                var value = String(part[blank.upperBound...])
                if value.hasSuffix("\r\n") { value.removeLast(2) }
                fields[String(part[nameRange.upperBound..<end])] = value
            }
            return fields
        }
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }
}
