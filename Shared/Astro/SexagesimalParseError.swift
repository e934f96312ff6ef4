/// Why a sexagesimal string was rejected. `description` names the coordinate, the input and the
/// offending field, so it can go straight into a log line or an API error body.
public struct SexagesimalParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Coordinate: String, Sendable {
        case rightAscension = "right ascension"
        case declination
    }

    public enum Reason: Sendable, Equatable {
        /// Not three numeric fields separated by ':', whitespace or unit letters.
        case malformed
        /// Right ascension hours not in 0..<24.
        case hoursOutOfRange(Double)
        /// Declination magnitude (degrees + minutes + seconds) above 90.
        case degreesOutOfRange(Double)
        case minutesOutOfRange(Double)
        case secondsOutOfRange(Double)
    }

    public let coordinate: Coordinate
    public let input: String
    public let reason: Reason

    public var description: String {
        let problem = switch reason {
        case .malformed: "expected three fields like \(coordinate == .rightAscension ? "hh:mm:ss.s" : "±dd:mm:ss.s")"
        case .hoursOutOfRange(let hours): "hours \(hours) outside 0..<24"
        case .degreesOutOfRange(let degrees): "|declination| \(degrees)° exceeds 90°"
        case .minutesOutOfRange(let minutes): "minutes \(minutes) outside 0..<60"
        case .secondsOutOfRange(let seconds): "seconds \(seconds) outside 0..<60"
        }
        return "invalid \(coordinate.rawValue) \"\(input)\": \(problem)"
    }
}
