/// Reading and writing the "hh:mm:ss.s" / "±dd:mm:ss.s" notation used by catalogues, VOEvents and humans.
///
/// Parsing accepts ':' or whitespace between fields, or unit letters ("12h34m56.7s", "-12d34m56s",
/// "-12°34′56″"). All three fields are required. Formatting rounds in integer units of the last
/// printed digit, so 59.9999 s carries into the next minute instead of printing "60".
public enum Sexagesimal {
    public static func parseRightAscension(_ text: String) throws(SexagesimalParseError) -> Angle {
        let pattern = /^\s*(\d+)\s*[:hH\s]\s*(\d+)\s*[:mM'′\s]\s*(\d+(?:\.\d*)?)\s*[sS"″]?\s*$/
        guard let match = text.wholeMatch(of: pattern),
              let hours = Double(match.1), let minutes = Double(match.2), let seconds = Double(match.3)
        else {
            throw SexagesimalParseError(coordinate: .rightAscension, input: text, reason: .malformed)
        }
        guard hours < 24 else {
            throw SexagesimalParseError(coordinate: .rightAscension, input: text, reason: .hoursOutOfRange(hours))
        }
        try checkMinutesAndSeconds(minutes, seconds, coordinate: .rightAscension, input: text)
        return .hours(hours + minutes / 60 + seconds / 3600)
    }

    public static func parseDeclination(_ text: String) throws(SexagesimalParseError) -> Angle {
        let pattern = /^\s*([+\-−])?\s*(\d+)\s*[:dD°\s]\s*(\d+)\s*[:mM'′\s]\s*(\d+(?:\.\d*)?)\s*[sS"″]?\s*$/
        guard let match = text.wholeMatch(of: pattern),
              let degrees = Double(match.2), let minutes = Double(match.3), let seconds = Double(match.4)
        else {
            throw SexagesimalParseError(coordinate: .declination, input: text, reason: .malformed)
        }
        try checkMinutesAndSeconds(minutes, seconds, coordinate: .declination, input: text)
        let magnitude = degrees + minutes / 60 + seconds / 3600
        guard magnitude <= 90 else {
            throw SexagesimalParseError(coordinate: .declination, input: text, reason: .degreesOutOfRange(magnitude))
        }
        // The sign belongs to the whole value, so "-00:30:00" is −0.5°, not +0.5°.
        let isNegative = match.1 != nil && match.1 != "+"
        return .degrees(isNegative ? -magnitude : magnitude)
    }

    /// "hh:mm:ss.ss"; the angle is first wrapped into [0°, 360°). Non-finite angles give "NaN".
    public static func formatRightAscension(_ angle: Angle, fractionDigits: Int = 2) -> String {
        precondition((0...9).contains(fractionDigits), "fractionDigits must be 0...9")
        guard angle.degrees.isFinite else { return "NaN" }
        let scale = power10(fractionDigits)
        let day = 24 * 3600 * scale
        let ticks = Int64((angle.wrappedToPositive.hours * 3600 * Double(scale)).rounded()) % day
        return fields(ticks, scale: scale, fractionDigits: fractionDigits)
    }

    /// "±dd:mm:ss.s"; the sign is always written. Non-finite angles give "NaN".
    public static func formatDeclination(_ angle: Angle, fractionDigits: Int = 1) -> String {
        precondition((0...9).contains(fractionDigits), "fractionDigits must be 0...9")
        guard angle.degrees.isFinite else { return "NaN" }
        let scale = power10(fractionDigits)
        let magnitude = min(abs(angle.degrees), 90)
        let ticks = Int64((magnitude * 3600 * Double(scale)).rounded())
        let sign = angle.degrees < 0 && ticks > 0 ? "-" : "+"
        return sign + fields(ticks, scale: scale, fractionDigits: fractionDigits)
    }

    private static func checkMinutesAndSeconds(
        _ minutes: Double, _ seconds: Double, coordinate: SexagesimalParseError.Coordinate, input: String
    ) throws(SexagesimalParseError) {
        guard minutes < 60 else {
            throw SexagesimalParseError(coordinate: coordinate, input: input, reason: .minutesOutOfRange(minutes))
        }
        guard seconds < 60 else {
            throw SexagesimalParseError(coordinate: coordinate, input: input, reason: .secondsOutOfRange(seconds))
        }
    }

    private static func power10(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(1) { product, _ in product * 10 }
    }

    /// Splits a count of `1/scale` arcseconds (or seconds of time) into "dd:mm:ss.f…".
    private static func fields(_ ticks: Int64, scale: Int64, fractionDigits: Int) -> String {
        let wholeSeconds = ticks / scale
        let leading = padded(wholeSeconds / 3600, width: 2)
        let minutes = padded(wholeSeconds / 60 % 60, width: 2)
        let seconds = padded(wholeSeconds % 60, width: 2)
        let fraction = fractionDigits == 0 ? "" : "." + padded(ticks % scale, width: fractionDigits)
        return "\(leading):\(minutes):\(seconds)\(fraction)"
    }

    private static func padded(_ value: Int64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
