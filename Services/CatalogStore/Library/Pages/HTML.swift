import Foundation
import Schema

/// Server-rendered HTML for the catalogue pages: escaping and the shared page frame.
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func number(_ value: Double?, digits: Int = 2) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "–"
    }

    /// A PostgreSQL timestamp ("2017-11-17T12:21:38.87+00:00") as "2017-11-17 12:21:38.870 UTC".
    static func time(_ text: String) -> String {
        guard let date = EventTimestamp.date(from: text) else {
            return escape(text)
        }
        return time(date)
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return formatter.string(from: date) + " UTC"
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Burstwire</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0 auto; max-width: 1280px; padding: 16px 24px; color: #1b1f24; }
        header { display: flex; align-items: baseline; gap: 16px; border-bottom: 2px solid #24527a; margin-bottom: 12px; }
        header a { color: #24527a; text-decoration: none; font-weight: 600; font-size: 18px; }
        h1 { font-size: 20px; margin: 8px 0; } h2 { font-size: 16px; margin: 20px 0 6px; color: #24527a; }
        table { border-collapse: collapse; width: 100%; } th, td { padding: 4px 8px; border-bottom: 1px solid #d8dee4; text-align: left; white-space: nowrap; }
        th { background: #eef2f6; } tr:hover td { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        form.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 10px; }
        form.filters label { display: flex; flex-direction: column; font-size: 12px; color: #57606a; }
        form.filters input, form.filters select { width: 120px; padding: 3px; }
        .images { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
        .images figure { margin: 0; } .images img { width: 100%; border: 1px solid #d8dee4; }
        .images figcaption { font-size: 12px; color: #57606a; }
        .pager { margin: 10px 0; display: flex; gap: 16px; } .muted { color: #57606a; }
        .confirm { color: #1a7f37; font-weight: 600; } .reject { color: #cf222e; font-weight: 600; }
        dl.params { display: grid; grid-template-columns: max-content 1fr max-content 1fr max-content 1fr; gap: 4px 12px; }
        dl.params dt { color: #57606a; } dl.params dd { margin: 0; font-variant-numeric: tabular-nums; }
        </style></head>
        <body><header><a href="/frbs">Burstwire</a><span class="muted">FRB candidates</span></header>
        \(body)
        </body></html>
        """
    }
}
