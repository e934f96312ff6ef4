import Foundation

/// The FRB list's filters, paging and cone, read from the query string.
struct FRBFilter: Sendable {
    static let parameterNames: Set<String> = [
        "toa_after", "toa_before", "dm_min", "dm_max", "sn_min", "sn_max", "repeater", "tns_name", "rating",
        "ra", "dec", "radius", "page_size", "cursor",
    ]
    static let ratings = ["confirmed", "rejected", "unrated"]

    var toaAfter: Date?
    var toaBefore: Date?
    var dmMin: Double?
    var dmMax: Double?
    var snMin: Double?
    var snMax: Double?
    var repeater: Bool?
    /// Exact, or with `%` matching any run of characters (as the MWA services' name filters).
    var tnsName: String?
    /// "confirmed" (more confirms than rejects), "rejected" (the reverse) or "unrated".
    var rating: String?
    var cone: Cone?
    var pageSize = 50
    var cursor: FRBCursor?

    init(query pairs: [(String, String)]) throws {
        var query = QueryParameters(pairs, allowed: Self.parameterNames)
        toaAfter = query.time("toa_after")
        toaBefore = query.time("toa_before")
        dmMin = query.double("dm_min", in: 0...1e6)
        dmMax = query.double("dm_max", in: 0...1e6)
        snMin = query.double("sn_min", in: -1e9...1e9)
        snMax = query.double("sn_max", in: -1e9...1e9)
        repeater = query.bool("repeater")
        tnsName = query.string("tns_name")
        rating = query.oneOf("rating", Self.ratings)
        cone = Cone.read(&query)
        pageSize = query.integer("page_size", in: 1...500) ?? 50
        if let token = query.string("cursor") {
            cursor = FRBCursor(token: token) ?? query.fail("cursor", "is not a cursor this API issued")
        }
        if let dmMin, let dmMax, dmMin > dmMax { let _: Int? = query.fail("dm_min", "must not exceed dm_max") }
        if let toaAfter, let toaBefore, toaAfter > toaBefore { let _: Int? = query.fail("toa_after", "must not be later than toa_before") }
        try query.check()
    }
}
