import Foundation
import Schema

/// A position in the FRB list, in its order (time of arrival, then id, newest first). Pages are cut at
/// a position rather than an offset, so FRBs stored while someone pages never shift a page: nothing
/// is shown twice and nothing present at the start is skipped.
struct FRBCursor: Equatable, Sendable {
    enum Direction: String, Sendable {
        /// Rows after this position (older): the next page.
        case after = "a"
        /// Rows before it (newer): the previous page.
        case before = "b"
    }

    let direction: Direction
    /// The time of arrival as PostgreSQL prints it in UTC with microseconds.
    let timeOfArrival: String
    let frbId: Int64

    /// Opaque to clients: base64url of "direction|time|id".
    var token: String {
        Data("\(direction.rawValue)|\(timeOfArrival)|\(frbId)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    init(direction: Direction, timeOfArrival: String, frbId: Int64) {
        self.direction = direction
        self.timeOfArrival = timeOfArrival
        self.frbId = frbId
    }

    init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, let direction = Direction(rawValue: String(parts[0])), let frbId = Int64(parts[2]),
              EventTimestamp.date(from: String(parts[1])) != nil else { return nil }
        self.init(direction: direction, timeOfArrival: String(parts[1]), frbId: frbId)
    }
}
