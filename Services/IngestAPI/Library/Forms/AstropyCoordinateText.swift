import Astro

/// Right ascension and declination written as upload_cand.py writes them with the astropy of
/// FRB_candidates_app's time, `to_string(unit=hour)` and `to_string(unit=deg)`: unit letters, no
/// padding of the leading field, seconds to 4 decimals without trailing zeros — "5h08m03.5077s",
/// "26d03m38.504s", "-0d30m00s". Rounding and carries are Astro's.
enum AstropyCoordinateText {
    static func rightAscension(degrees: Double) -> String {
        letters(Sexagesimal.formatRightAscension(.degrees(degrees), fractionDigits: 4), units: ("h", "m", "s"))
    }

    static func declination(degrees: Double) -> String {
        letters(Sexagesimal.formatDeclination(.degrees(degrees), fractionDigits: 4), units: ("d", "m", "s"))
    }

    /// "+05:08:03.5000" → "5h08m03.5s".
    private static func letters(_ colonSeparated: String, units: (String, String, String)) -> String {
        let sign = colonSeparated.hasPrefix("-") ? "-" : ""
        let fields = colonSeparated.drop(while: { $0 == "+" || $0 == "-" }).split(separator: ":")
        guard fields.count == 3, let leading = Int(fields[0]) else { return colonSeparated }
        var seconds = String(fields[2])
        if seconds.contains(".") {
            while seconds.hasSuffix("0") { seconds.removeLast() }
            if seconds.hasSuffix(".") { seconds.removeLast() }
        }
        return "\(sign)\(leading)\(units.0)\(fields[1])\(units.1)\(seconds)\(units.2)"
    }
}
