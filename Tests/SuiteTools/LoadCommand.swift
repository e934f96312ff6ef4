import ArgumentParser
import Foundation
import HTTPClient
import Synchronization

/// A steady stream of whole first detections (`POST /api/v1/frb/detections`) at a fixed rate, each
/// timed now, answered or not: the FRB id of every 201 goes to `--accepted`, one per line, the moment
/// it arrives. A slow answer never slows the rate (requests overlap up to `--concurrency`).
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Upload detections at a steady rate and record the accepted ones.")

    @Option var url = "http://127.0.0.1:8000"
    @Option var user: String
    @Option var password: String
    @Option(help: "Detections per second.") var rate = 10.0
    @Option(help: "Seconds to run.") var seconds = 60.0
    @Option(help: "File receiving the FRB id of every 201.") var accepted: String
    @Option var concurrency = 32

    func run() async throws {
        FileManager.default.createFile(atPath: accepted, contents: nil)
        let tally = Tally(output: try FileHandle(forWritingTo: URL(fileURLWithPath: accepted)))
        let http = HTTPClient()
        let authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        let target = URL(string: url + "/api/v1/frb/detections")!
        let interval = 1 / rate
        let started = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            var sent = 0, running = 0
            while ContinuousClock.now - started < .seconds(seconds) {
                let due = started + .seconds(Double(sent) * interval)
                if due > .now { try? await Task.sleep(until: due) }
                if running >= concurrency {
                    await group.next()
                    running -= 1
                }
                let body = Self.detection(index: sent)
                group.addTask {
                    let request = HTTPRequest(.post, target, headers: ["Authorization": authorization, "Idempotency-Key": UUID().uuidString],
                                              body: .bytes(Array(body.utf8), contentType: "application/json"))
                    let outcome: String
                    do {
                        let response = try await http.send(request, timeout: .seconds(30), retry: .none)
                        outcome = "\(response.status)"
                        if response.status == 201,
                           let json = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
                           let frbId = json["frb_id"] as? Int {
                            tally.accept(frbId)
                        }
                    } catch {
                        outcome = "no answer"
                    }
                    tally.count(outcome)
                }
                sent += 1
                running += 1
            }
            await group.waitForAll()
        }
        let counts = try tally.close()
        print("load: sent \(counts.values.reduce(0, +)) detections in \(ContinuousClock.now - started): "
              + counts.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", "))
    }

    /// Answers by status, and the accepted FRB ids written as they arrive.
    final class Tally: Sendable {
        private let state: Mutex<(output: FileHandle, counts: [String: Int])>

        init(output: FileHandle) {
            state = Mutex((output, [:]))
        }

        func accept(_ frbId: Int) {
            state.withLock { $0.output.write(Data("\(frbId)\n".utf8)) }
        }

        func count(_ outcome: String) {
            state.withLock { $0.counts[outcome, default: 0] += 1 }
        }

        func close() throws -> [String: Int] {
            try state.withLock { state in
                try state.output.close()
                return state.counts
            }
        }
    }

    /// The example detection, timed now and moved a little on the sky so each is its own burst.
    static func detection(index: Int) -> String {
        let now = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!,
                                              formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        let ra = 77.01461542 + Double(index % 1000) * 0.001
        return """
            {"observation": {"beam_semi_major_axis": 0.2, "beam_semi_minor_axis": 0.3, "beam_rotation_angle": 45, "sampling_time": 0.1,
              "bandwidth": 300, "nchan": 3000, "centre_frequency": 1400, "npol": 2, "bits_per_sample": 8, "gain": 3, "tsys": 50,
              "backend": "Multibeam", "beam": 1},
             "radio": {"time_of_arrival": "\(now)", "repeater": false, "dm": 411.0, "dm_err": 1.0, "ra": \(ra),
              "ra_err": 0.05, "dec": 26.06069556, "dec_err": 0.05, "sn": 50, "width": 5, "flux": 35, "flux_err": 3, "source": "MB",
              "version": "v1.0"}}
            """
    }
}
