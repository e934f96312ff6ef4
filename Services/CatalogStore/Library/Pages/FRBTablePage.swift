import Schema

/// The FRB table, like FRB_candidates_app's front page: one row per FRB with its most recent
/// measurement, confirm/reject counts and TNS name, a filter form and cursor paging.
enum FRBTablePage {
    static func render(_ items: [FRBListItem], count: Int64, filter: [(String, String)], next: String?, previous: String?) -> String {
        let value = { (name: String) in HTML.escape(filter.first { $0.0 == name }?.1 ?? "") }
        let rows = items.map { item -> String in
            let m = item.latestMeasurement
            return """
                <tr><td><a href="/frbs/\(item.frbId)">\(item.frbId)</a></td><td>\(HTML.escape(item.tnsName ?? "–"))</td>
                <td>\(HTML.time(item.timeOfArrival))</td>
                <td>\(HTML.escape(m?.raHms ?? "–"))</td><td>\(HTML.escape(m?.decDms ?? "–"))</td>
                <td class="num">\(HTML.number(m?.dm))</td><td class="num">\(HTML.number(m?.sn, digits: 1))</td>
                <td class="num">\(HTML.number(m?.width))</td><td>\(HTML.escape(m?.source.rawValue ?? "–"))</td>
                <td class="num">\(item.measurementCount)</td>
                <td class="num confirm">\(item.ratings.confirm)</td><td class="num reject">\(item.ratings.reject)</td>
                <td>\(item.repeater ? "yes" : "no")</td></tr>
                """
        }.joined(separator: "\n")
        let pager = [previous.map { "<a href=\"\(HTML.escape($0))\">← newer</a>" }, next.map { "<a href=\"\(HTML.escape($0))\">older →</a>" }]
            .compactMap { $0 }.joined(separator: " ")
        let body = """
            <h1>FRB events <span class="muted">(\(count))</span></h1>
            <form class="filters" method="get" action="/frbs">
            <label>Arrived after<input name="toa_after" value="\(value("toa_after"))" placeholder="2024-01-01T00:00:00Z"></label>
            <label>Arrived before<input name="toa_before" value="\(value("toa_before"))"></label>
            <label>DM min<input name="dm_min" value="\(value("dm_min"))"></label>
            <label>DM max<input name="dm_max" value="\(value("dm_max"))"></label>
            <label>S/N min<input name="sn_min" value="\(value("sn_min"))"></label>
            <label>TNS name<input name="tns_name" value="\(value("tns_name"))" placeholder="FRB 2024%"></label>
            <label>RA°<input name="ra" value="\(value("ra"))"></label>
            <label>Dec°<input name="dec" value="\(value("dec"))"></label>
            <label>Radius°<input name="radius" value="\(value("radius"))"></label>
            <label>Rating<select name="rating"><option value="">any</option>\(FRBFilter.ratings.map { "<option\(value("rating") == $0 ? " selected" : "")>\($0)</option>" }.joined())</select></label>
            <button type="submit">Filter</button> <a href="/frbs">clear</a>
            </form>
            <table><thead><tr><th>ID</th><th>TNS name</th><th>Time of arrival</th><th>RA</th><th>Dec</th><th>DM (pc cm⁻³)</th>
            <th>S/N</th><th>Width (ms)</th><th>Source</th><th># Meas.</th><th># Confirm</th><th># Reject</th><th>Repeater</th></tr></thead>
            <tbody>
            \(rows.isEmpty ? "<tr><td colspan=\"13\" class=\"muted\">No FRB events match.</td></tr>" : rows)
            </tbody></table>
            <div class="pager">\(pager)</div>
            """
        return HTML.page(title: "FRB events", body: body)
    }
}
