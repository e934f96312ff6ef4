import Foundation
import Schema

/// One FRB, like FRB_candidates_app's detail page: the three diagnostic plots, the first detection's
/// parameters, every measurement, ratings, deliveries, triggers and VOEvents.
enum FRBDetailPage {
    static func render(_ detail: FRBDetailDocument) -> String {
        let frb = detail.frb
        let first = detail.measurements.first
        let images = [("Search", detail.imageUrls.search), ("Image", detail.imageUrls.image), ("Histogram", detail.imageUrls.histogram)]
            .map { name, url in
                url.map { "<figure><img src=\"\(HTML.escape($0))\" alt=\"\(name) plot\"><figcaption>\(name)</figcaption></figure>" }
                    ?? "<figure><p class=\"muted\">No \(name.lowercased()) plot.</p><figcaption>\(name)</figcaption></figure>"
            }.joined()
        let body = """
            <h1>FRB \(frb.frbId)\(frb.tnsName.map { " · " + HTML.escape($0) } ?? "")\(frb.repeater ? " · repeater" : "")</h1>
            <p class="muted">Arrived \(HTML.time(frb.timeOfArrival)) · observation \(frb.observationId) (\(HTML.escape(detail.observation.backend)),
            beam \(detail.observation.beam.map(String.init) ?? "–")) · \(detail.measurements.count) measurement\(detail.measurements.count == 1 ? "" : "s") ·
            <span class="confirm">\(detail.ratings.confirm) confirm</span> · <span class="reject">\(detail.ratings.reject) reject</span></p>
            <div class="images">\(images)</div>
            <h2>First detection</h2>
            \(first.map(parameters) ?? "<p class=\"muted\">No measurement yet.</p>")
            <h2>Measurements</h2>
            \(measurements(detail.measurements))
            <h2>Ratings</h2>
            \(table(["User", "Rating", "When"], detail.ratings.byUser.map {
                [HTML.escape($0.name), "<span class=\"\($0.rating)\">\($0.rating)</span>", HTML.time($0.ratedAt)] }, empty: "No ratings yet."))
            <h2>Notifications</h2>
            \(table(["Channel", "Target", "Status", "Attempt", "Answer", "When"], detail.notifications.map {
                [$0.channel, HTML.escape($0.target), $0.status, "\($0.attempt)",
                 HTML.escape($0.httpStatus.map { "HTTP \($0)" } ?? $0.brokerAnswer ?? $0.errorMessage ?? "–"), HTML.time($0.at)] },
                empty: "Nothing sent yet."))
            \(detail.tnsReports.isEmpty ? "" : "<h2>TNS reports</h2>" + table(["Report", "Name", "Assigned"], detail.tnsReports.map {
                [HTML.escape($0.reportId), HTML.escape($0.tnsName), HTML.time($0.assignedAt)] }, empty: ""))
            <h2>Triggers</h2>
            \(table(["Decision", "Proposal", "Status", "Decided", "Why"], detail.triggerDecisions.map {
                ["\($0.decisionId)", HTML.escape($0.proposalId), $0.status, HTML.time($0.decidedAt),
                 HTML.escape($0.reason.last?.message ?? "")] }, empty: "No follow-up decisions."))
            \(detail.triggerCalls.isEmpty ? "" : table(["MWA call", "Mode", "Trigger id", "Result", "Obs ids", "When"], detail.triggerCalls.map {
                [$0.endpoint, $0.triggerMode ?? "–", $0.triggerId.map(String.init) ?? "–",
                 ($0.success ? "success" : "failed: " + HTML.escape($0.errors.joined(separator: "; "))) + ($0.pretend ? " (pretend)" : ""),
                 $0.obsids.map(String.init).joined(separator: ", "), HTML.time($0.completedAt)] }, empty: ""))
            <h2>VOEvents</h2>
            \(table(["IVORN", "Role", "Direction", "Stored"], detail.voevents.map {
                ["<a href=\"/api/v1/voevents/xml?ivorn=\(HTML.escape($0.ivorn.addingPercentEncodingForQuery))\">\(HTML.escape($0.ivorn))</a>",
                 $0.role, $0.direction, HTML.time($0.storedAt)] }, empty: "No VOEvents."))
            """
        return HTML.page(title: "FRB \(frb.frbId)", body: body)
    }

    private static func parameters(_ m: RadioMeasurement) -> String {
        let pairs: [(String, String)] = [
            ("RA", HTML.escape(m.raHms)), ("Dec", HTML.escape(m.decDms)), ("Position error", "\(HTML.number(m.raPosError, digits: 3))°, \(HTML.number(m.decPosError, digits: 3))°"),
            ("Gal. l, b", "\(HTML.number(m.gl, digits: 3))°, \(HTML.number(m.gb, digits: 3))°"),
            ("DM", "\(HTML.number(m.dm)) ± \(HTML.number(m.dmErr)) pc cm⁻³"), ("DM (ISM)", HTML.number(m.dmism)),
            ("S/N", HTML.number(m.sn, digits: 1)), ("Width", "\(HTML.number(m.width)) ms"),
            ("Fluence", "\(HTML.number(m.fluence)) ± \(HTML.number(m.fluenceErr)) Jy ms"), ("Flux", "\(HTML.number(m.flux)) ± \(HTML.number(m.fluxErr)) Jy"),
            ("RM", "\(HTML.number(m.rm)) ± \(HTML.number(m.rmErr)) rad m⁻²"), ("z", HTML.number(m.z, digits: 4)),
            ("Source", m.source.rawValue), ("Pipeline", HTML.escape(m.version)), ("Received", HTML.time(m.receivedAt)),
        ]
        return "<dl class=\"params\">" + pairs.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined() + "</dl>"
    }

    private static func measurements(_ list: [RadioMeasurement]) -> String {
        table(["ID", "Received", "RA", "Dec", "DM", "S/N", "Width", "Fluence", "Source", "Version"], list.map { m in
            ["\(m.measurementId)", HTML.time(m.receivedAt), HTML.escape(m.raHms), HTML.escape(m.decDms), HTML.number(m.dm),
             HTML.number(m.sn, digits: 1), HTML.number(m.width), HTML.number(m.fluence), m.source.rawValue, HTML.escape(m.version)]
        }, empty: "No measurements.")
    }

    private static func table(_ headings: [String], _ rows: [[String]], empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"muted\">\(empty)</p>" }
        let head = headings.map { "<th>\($0)</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }
}

extension String {
    var addingPercentEncodingForQuery: String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
