import Foundation
import Hummingbird
import Schema

/// The HTML pages: `/frbs` (the FRB table) and `/frbs/{id}` (one FRB). They read through the same
/// queries as the API, so a page never shows something the API would not.
struct PageRoutes: Sendable {
    let reads: ReadRoutes

    func add(to router: Router<some RequestContext>) {
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/frbs"]) }
        router.get("frbs") { request, _ in try await self.page(request) { try await self.table(request) } }
        router.get("frbs/:id") { request, context in
            try await self.page(request) { try await self.detail(context.parameters.get("id")) }
        }
    }

    private func table(_ request: Request) async throws -> String {
        let pairs = QueryString.pairs(request.uri.query).filter { !$0.1.isEmpty }
        let filter = try FRBFilter(query: pairs)
        let base = reads.mediaBaseURL
        let page = try await reads.read { db in try FRBListing.page(filter, mediaBaseURL: base, db) }
        let decoder = EventJSON.decoder()
        let items = try page.results.map { try decoder.decode(FRBListItem.self, from: Data($0.utf8)) }
        let links = PageLinks(request: request)
        return FRBTablePage.render(items, count: page.count, filter: pairs,
                                   next: page.next.map { links.path(replacing: ["cursor"], with: [("cursor", $0.token)]) },
                                   previous: page.previous.map { links.path(replacing: ["cursor"], with: [("cursor", $0.token)]) })
    }

    private func detail(_ id: String?) async throws -> String {
        guard let id = id.flatMap(Int64.init) else { throw ReadError.invalid(["id": ["must be a whole number"]]) }
        let base = reads.mediaBaseURL
        guard let json = try await reads.read({ db in try FRBDetailQuery.detail(frbId: id, mediaBaseURL: base, db) }) else {
            throw ReadError.notFound("FRB \(id)")
        }
        return FRBDetailPage.render(try EventJSON.decoder().decode(FRBDetailDocument.self, from: Data(json.utf8)))
    }

    /// Checks access, renders, and shows refusals as a page rather than JSON.
    private func page(_ request: Request, _ render: () async throws -> String) async throws -> Response {
        do {
            try await reads.access.checkPage(request)
            return html(try await render(), status: .ok)
        } catch let error as ReadError {
            if error.status == .unauthorized { throw error }
            let reasons = error.fields.sorted { $0.key < $1.key }.map { "<li>\(HTML.escape($0.key)) \(HTML.escape($0.value.joined(separator: "; ")))</li>" }
            return html(HTML.page(title: "Error", body: "<h1>\(HTML.escape(error.message))</h1><ul>\(reasons.joined())</ul><p><a href=\"/frbs\">Back to the FRB table</a></p>"),
                        status: error.status)
        }
    }

    private func html(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
