import Database
import Foundation
import Hummingbird

/// The read API under `/api/v1`: FRBs (cursor-paged, filtered, cone-searched), one FRB in full,
/// VOEvents (list and XML by IVORN), YSE-PZ transients with photometry, and the MWA `find`/`show`
/// mirror. Every answer is built by one query; a database failure is a 503, never a 500.
struct ReadRoutes: Sendable {
    let pool: DatabasePool
    let access: ReadAccess
    let mediaBaseURL: String

    func add(to router: Router<some RequestContext>) {
        let api = router.group("api/v1")
        api.get("frbs") { request, _ in try await self.frbs(request) }
        api.get("frbs/:id") { request, context in try await self.frb(request, id: context.parameters.get("id")) }
        api.get("voevents") { request, _ in try await self.voevents(request) }
        api.get("voevents/xml") { request, _ in try await self.voeventXML(request) }
        api.get("transients") { request, _ in try await self.transients(request, name: nil) }
        api.get("transients/:name") { request, context in try await self.transients(request, name: context.parameters.get("name")) }
        api.get("trigger/find") { request, _ in try await self.findTriggers(request) }
        api.get("trigger/show") { request, _ in try await self.showTrigger(request) }
    }

    func frbs(_ request: Request) async throws -> Response {
        try await access.check(request)
        let filter = try FRBFilter(query: pairs(request))
        let base = mediaBaseURL
        let page = try await read { db in try FRBListing.page(filter, mediaBaseURL: base, db) }
        let links = PageLinks(request: request)
        return JSONText.response(JSONText.page(
            count: page.count,
            next: page.next.map { links.url(replacing: ["cursor"], with: [("cursor", $0.token)]) },
            previous: page.previous.map { links.url(replacing: ["cursor"], with: [("cursor", $0.token)]) },
            results: page.results))
    }

    func frb(_ request: Request, id: String?) async throws -> Response {
        try await access.check(request)
        guard let id = id.flatMap(Int64.init) else { throw ReadError.invalid(["id": ["must be a whole number"]]) }
        let base = mediaBaseURL
        guard let detail = try await read({ db in try FRBDetailQuery.detail(frbId: id, mediaBaseURL: base, db) }) else {
            throw ReadError.notFound("FRB \(id)")
        }
        return JSONText.response(detail)
    }

    func voevents(_ request: Request) async throws -> Response {
        try await access.check(request)
        var query = QueryParameters(pairs(request), allowed: ["stream", "role", "ra", "dec", "radius", "page", "page_size"])
        let stream = query.string("stream")
        let role = query.oneOf("role", ["observation", "prediction", "utility", "test"])
        let cone = Cone.read(&query)
        let paging = OffsetPaging(&query)
        try query.check()
        let result = try await read { db in
            try AlertQueries.voevents(stream: stream, role: role, cone: cone, limit: paging.size, offset: paging.offset, db)
        }
        return paging.response(result, request)
    }

    func voeventXML(_ request: Request) async throws -> Response {
        try await access.check(request)
        let query = QueryParameters(pairs(request), allowed: ["ivorn"])
        try query.check()
        guard let ivorn = query.string("ivorn"), !ivorn.isEmpty else { throw ReadError.invalid(["ivorn": ["is required"]]) }
        guard let xml = try await read({ db in try AlertQueries.voeventXML(ivorn: ivorn, db) }) else {
            throw ReadError.notFound("VOEvent \(ivorn)")
        }
        return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }

    func transients(_ request: Request, name: String?) async throws -> Response {
        try await access.check(request)
        var query = QueryParameters(pairs(request), allowed: name == nil ? ["ra", "dec", "radius", "page", "page_size"] : [])
        let cone = Cone.read(&query)
        let paging = OffsetPaging(&query)
        try query.check()
        let result = try await read { db in try AlertQueries.transients(name: name, cone: cone, limit: paging.size, offset: paging.offset, db) }
        if let name {
            guard let transient = result.results.first else { throw ReadError.notFound("Transient \(name)") }
            return JSONText.response(transient)
        }
        return paging.response(result, request)
    }

    func findTriggers(_ request: Request) async throws -> Response {
        try await access.check(request)
        let find = try TriggerQueries.Find(query: pairs(request))
        let json = try await read { db in try TriggerQueries.find(find, db) }
        return JSONText.response(json, pretty: request.uri.queryParameters["pretty"].map { TriggerQueries.Find.mwaTruth(String($0)) } ?? false)
    }

    func showTrigger(_ request: Request) async throws -> Response {
        try await access.check(request)
        var query = QueryParameters(pairs(request), allowed: ["trigger_id", "pretty", "html"])
        let triggerId = query.integer("trigger_id", in: 0...Int.max)
        if !query.has("trigger_id") { let _: Int? = query.fail("trigger_id", "is required") }
        try query.check()
        guard let triggerId else { throw ReadError.invalid(["trigger_id": ["is required"]]) }
        guard let json = try await read({ db in try TriggerQueries.show(triggerId: Int64(triggerId), db) }) else {
            throw ReadError.notFound("Trigger \(triggerId)")
        }
        return JSONText.response(json, pretty: query.string("pretty").map(TriggerQueries.Find.mwaTruth) ?? false)
    }

    private func pairs(_ request: Request) -> [(String, String)] {
        QueryString.pairs(request.uri.query)
    }

    /// Runs a read; a catalogue that cannot be reached is a 503 with Retry-After, and SQL never reaches the client.
    func read<R: Sendable>(_ body: @Sendable (isolated DatabaseConnection) throws -> R) async throws -> R {
        do {
            return try await pool.withConnection(body)
        } catch let error as ReadError {
            throw error
        } catch let error as DatabaseError where error.sqlState?.hasPrefix("22") == true {
            throw ReadError.invalid(["query": ["has a value the catalogue cannot compare (SQLSTATE \(error.sqlState ?? "?"))"]])
        } catch {
            throw ReadError.unavailable
        }
    }
}

/// `page` (from 1) and `page_size` for the lists that are not cursor-paged.
struct OffsetPaging {
    let page: Int
    let size: Int
    var offset: Int { (page - 1) * size }

    init(_ query: inout QueryParameters) {
        page = query.integer("page", in: 1...1_000_000) ?? 1
        size = query.integer("page_size", in: 1...500) ?? 50
    }

    func response(_ result: (count: Int64, results: [String]), _ request: Request) -> Response {
        let links = PageLinks(request: request)
        let next = Int64(offset + size) < result.count ? links.url(replacing: ["page"], with: [("page", "\(page + 1)")]) : nil
        let previous = page > 1 ? links.url(replacing: ["page"], with: [("page", "\(page - 1)")]) : nil
        return JSONText.response(JSONText.page(count: result.count, next: next, previous: previous, results: result.results))
    }
}
