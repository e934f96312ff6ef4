/// XML escaping for the documents Burstwire writes (VTP Transport replies, VOEvents). Characters XML 1.0
/// cannot carry become U+FFFD rather than making the document unreadable.
public enum XMLEscaping {
    /// Element text as libxml2 writes it (`&`, `<`, `>`, carriage return), so Transport replies match Comet's bytes.
    public static func text(_ text: String) -> String {
        escaped(text, attribute: false)
    }

    /// Safe in element text and in double-quoted attributes alike: quotes too, and tab and newline as
    /// references, since attribute normalisation would otherwise turn them into spaces.
    public static func attribute(_ text: String) -> String {
        escaped(text, attribute: true)
    }

    private static func escaped(_ text: String, attribute: Bool) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\r": escaped += "&#13;"
            case "\"" where attribute: escaped += "&quot;"
            case "'" where attribute: escaped += "&apos;"
            case "\t" where attribute: escaped += "&#9;"
            case "\n" where attribute: escaped += "&#10;"
            case "\t", "\n", "\u{20}"..."\u{D7FF}", "\u{E000}"..."\u{FFFD}", "\u{10000}"..."\u{10FFFF}":
                escaped.unicodeScalars.append(scalar)
            default: escaped += "\u{FFFD}"
            }
        }
        return escaped
    }
}
