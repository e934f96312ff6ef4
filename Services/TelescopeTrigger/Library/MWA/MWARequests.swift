import Foundation

/// What to observe with `triggerobs` (correlator) or `triggervcs` (voltage capture). Defaults are the
/// service's own (seed: freqspecs "145,24", exptime 120 s, nobs 15, calexptime 120 s, inttime 0.5 s,
/// freqres 10 kHz); a nil field is left out so the service applies its default.
struct MWAObservationRequest: Codable, Sendable, Equatable {
    var projectId: String
    var obsname: String
    var ra: [Double] = []
    var dec: [Double] = []
    var freqspecs: [String] = []
    var creator: String = "burstwire/telescope-trigger"
    var nobs: Int?
    var exptime: Int?
    var calibrator: Bool?
    var calexptime: Int?
    /// Correlator settings, both or neither (the reference client refuses one alone).
    var inttime: Double?
    var freqres: Double?
    var avoidsun: Bool?
    var groupId: Int64?
    var pretend: Bool
}

extension MWAObservationRequest {
    /// The body parameters as the reference client encodes them (lists JSON, booleans "True"/"False"),
    /// without the secure key; `project_id` and `obsname` travel in the query string.
    func formParameters(voltageCapture: Bool) -> [(String, String)] {
        var form: [(String, String)] = [("pretend", MWAEncoding.python(pretend))]
        if !ra.isEmpty { form += [("ra", MWAEncoding.list(ra)), ("dec", MWAEncoding.list(dec))] }
        if !freqspecs.isEmpty { form.append(("freqspecs", freqspecs.count == 1 ? freqspecs[0] : MWAEncoding.json(freqspecs))) }
        form.append(("creator", creator))
        if let nobs { form.append(("nobs", String(nobs))) }
        if let exptime { form.append(("exptime", String(exptime))) }
        if let calibrator { form.append(("calibrator", MWAEncoding.python(calibrator))) }
        if let calexptime { form.append(("calexptime", String(calexptime))) }
        if let inttime, let freqres { form += [("inttime", "\(inttime)"), ("freqres", "\(freqres)")] }
        if let avoidsun { form.append(("avoidsun", MWAEncoding.python(avoidsun))) }
        if let groupId { form.append(("group_id", String(groupId))) }
        form.append(("vcsmode", MWAEncoding.python(voltageCapture)))
        return form
    }

    var queryParameters: [String: String] { ["project_id": projectId, "obsname": obsname] }
}

/// A voltage-buffer dump with `triggerbuffer`: save from `startTime` to `endTime` (GPS seconds), or keep
/// capturing `obstime` seconds from now when no end is given.
struct MWABufferRequest: Codable, Sendable, Equatable {
    var projectId: String
    var startTime: Int64
    var endTime: Int64?
    var obstime: Int?
    var pretend: Bool
}

extension MWABufferRequest {
    func formParameters() -> [(String, String)] {
        var form: [(String, String)] = [("pretend", MWAEncoding.python(pretend)), ("start_time", String(startTime))]
        if let endTime { form.append(("end_time", String(endTime))) }
        if let obstime { form.append(("obstime", String(obstime))) }
        return form
    }

    var queryParameters: [String: String] { ["project_id": projectId] }
}

/// How the MWA services read values: Python's spelling of booleans, JSON lists.
enum MWAEncoding {
    static func python(_ value: Bool) -> String { value ? "True" : "False" }

    static func list(_ values: [Double]) -> String {
        values.count == 1 ? "\(values[0])" : "[" + values.map { "\($0)" }.joined(separator: ", ") + "]"
    }

    static func json(_ values: [String]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: values)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

/// The trigger services' answer (seed 001): `success`, numbered `errors`, the parsed `params`, the
/// clear and schedule command results (`command` in the documentation, `commands` in practice: both
/// read), the `trigger_id` and the observation ids.
struct MWATriggerResult: Sendable, Equatable {
    struct Commands: Sendable, Equatable {
        var command: String?
        var retcode: Int?
        var stdout: String?
        var stderr: String?
    }

    var success: Bool
    var errors: [String]
    var params: [String: String]
    var clear: Commands?
    var schedule: Commands?
    var triggerId: Int64?
    var obsidList: [Int64]

    /// Reads the JSON body; numbers and strings in `params` become strings, error keys are sorted numerically.
    static func parse(_ body: [UInt8]) throws(MWAError) -> MWATriggerResult {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw MWAError(reason: "the MWA answer is not a JSON object", permanent: true)
        }
        let errors = (object["errors"] as? [String: Any] ?? [:]).sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map { "\($0.value)" }
        let params = (object["params"] as? [String: Any] ?? [:]).compactMapValues { value -> String? in
            value is NSNull ? nil : (value as? String) ?? "\(value)"
        }
        return MWATriggerResult(
            success: object["success"] as? Bool ?? false, errors: errors, params: params,
            clear: commands(object["clear"]), schedule: commands(object["schedule"]),
            triggerId: (object["trigger_id"] as? NSNumber)?.int64Value,
            obsidList: (object["obsid_list"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.int64Value })
    }

    private static func commands(_ value: Any?) -> Commands? {
        guard let object = value as? [String: Any], !object.isEmpty else { return nil }
        return Commands(command: (object["command"] ?? object["commands"]) as? String, retcode: (object["retcode"] as? NSNumber)?.intValue,
                        stdout: object["stdout"] as? String, stderr: object["stderr"] as? String)
    }
}

/// A failed MWA call. `mayHaveTriggered` marks failures after the request left (a timeout, a 5xx):
/// the telescope may have acted, so the call is never sent again. Never carries the secure key.
struct MWAError: Error, Sendable, CustomStringConvertible {
    let reason: String
    var permanent = false
    var mayHaveTriggered = false
    var httpStatus: Int?

    var description: String { reason }
}
