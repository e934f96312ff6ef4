import ArgumentParser
import Database
import Foundation
import HTTPClient

/// The fault test's count: every FRB answered 201 must be stored exactly once and announced exactly
/// once everywhere (Slack message, TNS report, VOEvent at the broker, MWA trigger). Waits up to
/// `--within` seconds for the suite to catch up, then prints the counts; exits 1 on anything missing
/// or doubled.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Count stored records and external effects per accepted FRB.")

    @Option(help: "File of accepted FRB ids (from `load`).") var accepted: String
    @Option var simulators = "http://127.0.0.1:18400"
    @Option(help: "libpq connection string of the catalogue's database.") var database: String
    @Option(help: "The notifier's tns.internal_name_prefix.") var tnsPrefix = "BURSTWIRE"
    @Option(help: "The FRB proposal of this run: all its MWA calls are counted against the simulator's.") var proposal: String
    @Option var within = 180.0

    struct Counts: CustomStringConvertible {
        var accepted = 0, stored = 0, measurements = 0, slack = [Int64: Int](), tns = [Int64: Int](), voevents = [Int64: Int]()
        var decisions = [Int64: Int](), calls = [Int64: Int](), mwaCalls = 0, recordedCalls = 0

        func missing(_ counts: [Int64: Int], _ ids: Set<Int64>) -> Int { ids.filter { counts[$0, default: 0] == 0 }.count }
        func doubled(_ counts: [Int64: Int]) -> Int { counts.values.filter { $0 > 1 }.count }

        func complete(_ ids: Set<Int64>) -> Bool {
            stored == accepted && measurements == accepted && [slack, tns, voevents, decisions, calls].allSatisfy { missing($0, ids) == 0 }
                && mwaCalls == recordedCalls
        }

        func violations(_ ids: Set<Int64>) -> Int {
            (accepted - stored) + (accepted - measurements) + [slack, tns, voevents, decisions, calls].map { missing($0, ids) + doubled($0) }.reduce(0, +)
                + abs(mwaCalls - recordedCalls)
        }

        var description: String {
            func row(_ name: String, _ counts: [Int64: Int]) -> String {
                "\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(counts.values.reduce(0, +)) for \(counts.count) FRBs, doubled \(doubled(counts))"
            }
            return """
                accepted (201)                     \(accepted)
                stored FRBs / measurements         \(stored) / \(measurements)
                \(row("Slack messages", slack))
                \(row("TNS reports", tns))
                \(row("VOEvents at the broker", voevents))
                \(row("trigger decisions", decisions))
                \(row("MWA triggers (catalogue)", calls))
                MWA triggers, whole run: at the simulator \(mwaCalls), recorded \(recordedCalls)
                """
        }
    }

    func run() async throws {
        let ids = Set(try String(contentsOfFile: accepted, encoding: .utf8).split(separator: "\n").compactMap { Int64($0) })
        let pool = DatabasePool(configuration: .init(conninfo: database, maximumConnections: 1))
        let http = HTTPClient()
        let deadline = ContinuousClock.now + .seconds(within)
        var counts = Counts()
        while true {
            counts = try await count(ids, pool: pool, http: http)
            if counts.complete(ids) || ContinuousClock.now > deadline { break }
            try await Task.sleep(for: .seconds(2))
        }
        await pool.close()
        print(counts)
        let violations = counts.violations(ids)
        print(violations == 0 ? "verify: every accepted FRB stored once, every effect once" : "verify: \(violations) missing or doubled")
        if violations > 0 { throw ExitCode(1) }
    }

    private func count(_ ids: Set<Int64>, pool: DatabasePool, http: HTTPClient) async throws -> Counts {
        var counts = Counts(accepted: ids.count)
        let list = "{" + ids.map(String.init).joined(separator: ",") + "}"
        let proposal = self.proposal
        let (stored, measurements, decisions, calls, allCalls) = try await pool.withConnection { db in
            let stored = try db.query("SELECT count(*) AS n FROM catalog_frb_events WHERE frb_id = ANY($1::bigint[])", [list]).first!.int("n")
            let measurements = try db.query("SELECT count(DISTINCT frb_id) AS n FROM catalog_radio_measurements WHERE frb_id = ANY($1::bigint[])",
                                            [list]).first!.int("n")
            let decisions = try Self.perFRB(db, list, """
                SELECT frb_id, count(*) AS n FROM catalog_trigger_decisions WHERE frb_id = ANY($1::bigint[]) GROUP BY frb_id
                """)
            let calls = try Self.perFRB(db, list, """
                SELECT d.frb_id, count(*) AS n FROM catalog_trigger_calls c JOIN catalog_trigger_decisions d USING (decision_id)
                WHERE d.frb_id = ANY($1::bigint[]) AND c.success GROUP BY d.frb_id
                """)
            let allCalls = try db.query("SELECT count(*) AS n FROM catalog_trigger_calls WHERE proposal_id = $1 AND success", [proposal]).first!.int("n")
            return (Int(stored), Int(measurements), decisions, calls, Int(allCalls))
        }
        counts.stored = stored
        counts.measurements = measurements
        counts.decisions = Dictionary(decisions, uniquingKeysWith: +)
        counts.calls = Dictionary(calls, uniquingKeysWith: +)
        counts.recordedCalls = allCalls
        let response = try await http.send(HTTPRequest(.get, URL(string: simulators + "/simulator/record")!), timeout: .seconds(10), retry: .standard)
        let record = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
        for message in record["slack"] as? [[String: Any]] ?? [] {
            guard let text = message["text"] as? String, let id = Self.number(in: text, after: "New FRB event (ID: "), ids.contains(id) else { continue }
            counts.slack[id, default: 0] += 1
        }
        for report in record["tns"] as? [[String: Any]] ?? [] {
            guard let name = report["internal_name"] as? String, let id = Self.number(in: name, after: tnsPrefix + "-"), ids.contains(id) else { continue }
            counts.tns[id, default: 0] += 1
        }
        for voevent in record["voevents"] as? [[String: Any]] ?? [] {
            // The detection itself: `…#FRB<id>`, not its updates or retraction (`…#FRB<id>/update/…`).
            guard let ivorn = voevent["ivorn"] as? String, let id = Self.number(in: ivorn, after: "#FRB"), ivorn.hasSuffix("#FRB\(id)"),
                  ids.contains(id) else { continue }
            counts.voevents[id, default: 0] += 1
        }
        counts.mwaCalls = (record["mwa"] as? [[String: Any]] ?? []).filter { ["triggerbuffer", "triggervcs"].contains($0["service"] as? String) }.count
        return counts
    }

    private static func perFRB(_ db: isolated DatabaseConnection, _ list: String, _ sql: String) throws -> [(Int64, Int)] {
        try db.query(sql, [list]).rows.map { (try $0.int("frb_id"), Int(try $0.int("n"))) }
    }

    private static func number(in text: String, after marker: String) -> Int64? {
        guard let range = text.range(of: marker) else { return nil }
        return Int64(text[range.upperBound...].prefix { $0.isNumber })
    }
}
