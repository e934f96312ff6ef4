/// The `tns:` section. The API key is not here: it is a secret, loaded and redacted elsewhere, and
/// handed to the HTTP call only, so nothing that prints or decodes settings can leak it.
struct TNSSettings: Decodable, Sendable, Equatable {
    /// TNS bot credentials from the bot's page; both go in the User-Agent marker TNS requires.
    var botId: Int
    var botName: String
    /// Sent as `reporting_groupid` and `groupid` respectively, the keys dsa110 uses in production
    /// (FRB_candidates_app's `reporting_group_id`/`discovery_data_source_id` are AT-report names it only sent to the sandbox).
    var reportingGroupId: Int
    var discoveryDataSourceId: Int
    /// Free text naming the people reporting, e.g. "A. Person, B. Person on behalf of CRAFT".
    var reporter: String
    /// Prefix of `internal_name`; "BURSTWIRE" gives "BURSTWIRE-42" for FRB 42, unique per FRB so a
    /// search by internal name finds a report that landed before a crash.
    var internalNamePrefix: String = "BURSTWIRE"
    /// TNS value-list ids (https://www.wis-tns.org/api/values). No default: a placeholder such as 1 would
    /// be accepted and mislabel the burst, so until configured the key is left out and TNS says what is missing.
    var instrumentValue: Int? = nil
    var filterValue: Int? = nil
    /// Groups that may see the burst during the proprietary period, and its length counted from the time
    /// of arrival (so the same FRB always gives the same report).
    var proprietaryPeriodGroups: [Int]? = nil
    var endPropPeriodDays: Int? = nil
    /// The sandbox by default, so a forgotten setting never reports to the production server.
    var baseURL: String = "https://sandbox.wis-tns.org/api"
    /// The TNS 2.0 paths; configurable because older servers used `/bulk-report` and `/bulk-report-reply`.
    var reportPath: String = "/set/bulk-report"
    var replyPath: String = "/get/bulk-report-reply"
    var searchPath: String = "/get/search"

    var reportURL: String { url(reportPath) }
    var replyURL: String { url(replyPath) }
    var searchURL: String { url(searchPath) }

    /// TNS rejects bot calls without this marker. The id is quoted, as every client but dsa110 sends it.
    func userAgent() -> String {
        #"tns_marker{"tns_id": "\#(botId)", "type": "bot", "name": "\#(botName)"}"#
    }

    private func url(_ path: String) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return path.hasPrefix("/") ? base + path : base + "/" + path
    }
}

extension TNSSettings {
    /// `baseURL` is read as `baseUrl`, which is what the loader's camel-casing makes of `base_url`.
    private enum CodingKeys: String, CodingKey {
        case botId, botName, reportingGroupId, discoveryDataSourceId, reporter, internalNamePrefix
        case instrumentValue, filterValue, proprietaryPeriodGroups, endPropPeriodDays
        case baseURL = "baseUrl", reportPath, replyPath, searchPath
    }

    /// Written out because synthesized decoding ignores property defaults and would require every key.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TNSSettings(botId: 0, botName: "", reportingGroupId: 0, discoveryDataSourceId: 0, reporter: "")
        self.init(
            botId: try c.decode(Int.self, forKey: .botId),
            botName: try c.decode(String.self, forKey: .botName),
            reportingGroupId: try c.decode(Int.self, forKey: .reportingGroupId),
            discoveryDataSourceId: try c.decode(Int.self, forKey: .discoveryDataSourceId),
            reporter: try c.decode(String.self, forKey: .reporter),
            internalNamePrefix: try c.decodeIfPresent(String.self, forKey: .internalNamePrefix) ?? defaults.internalNamePrefix,
            instrumentValue: try c.decodeIfPresent(Int.self, forKey: .instrumentValue),
            filterValue: try c.decodeIfPresent(Int.self, forKey: .filterValue),
            proprietaryPeriodGroups: try c.decodeIfPresent([Int].self, forKey: .proprietaryPeriodGroups),
            endPropPeriodDays: try c.decodeIfPresent(Int.self, forKey: .endPropPeriodDays),
            baseURL: try c.decodeIfPresent(String.self, forKey: .baseURL) ?? defaults.baseURL,
            reportPath: try c.decodeIfPresent(String.self, forKey: .reportPath) ?? defaults.reportPath,
            replyPath: try c.decodeIfPresent(String.self, forKey: .replyPath) ?? defaults.replyPath,
            searchPath: try c.decodeIfPresent(String.self, forKey: .searchPath) ?? defaults.searchPath)
    }
}
